package org.paydesk.adapters.rest.hosted;

import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

/** A servlet response that keeps what a page wrote: status, content type, headers and body. */
final class CapturedResponse {

    private final StringWriter body = new StringWriter();
    private final PrintWriter writer = new PrintWriter(body);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int status = 200;
    private String contentType;
    private final HttpServletResponse response;

    CapturedResponse() {
        response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentType" -> contentType = (String) args[0];
                        case "setHeader", "addHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "getWriter" -> {
                            return writer;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "toString" -> {
                            return "CapturedResponse";
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    HttpServletResponse response() {
        return response;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String header(String name) {
        return headers.get(name);
    }

    String body() {
        writer.flush();
        return body.toString();
    }
}
