package org.paydesk.adapters.rest.shared;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.shared.DomainException;

/** Every error leaves as application/problem+json with a stable code; none leaks internals. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    /** A broken business rule or malformed value. */
    @Provider
    public static class DomainRule implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException refused) {
            return Problems.invalid(refused.code(), refused.field(), refused.getMessage());
        }
    }

    /** Inputs at fault, all listed. */
    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException invalid) {
            return Problems.invalid(invalid.violations());
        }
    }

    /** The addressed thing is not there (or not the caller's to see). */
    @Provider
    public static class Missing implements ExceptionMapper<org.paydesk.application.shared.NotFoundException> {
        @Override
        public Response toResponse(org.paydesk.application.shared.NotFoundException missing) {
            return Problems.of(404, "Not found", "not_found", missing.getMessage());
        }
    }

    /** A clash with the current state. */
    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException conflict) {
            ProblemJson problem = ProblemJson.of(409, "Conflict", conflict.code(), conflict.getMessage(),
                    conflict.field() == null ? null
                            : java.util.List.of(new ProblemJson.FieldErrorJson(conflict.field(), conflict.code(),
                                    conflict.getMessage())));
            return Problems.response(problem);
        }
    }

    /** JAX-RS's own refusals (unknown path, wrong method or media type, missing role). */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String code;
            if (web instanceof NotFoundException) {
                code = "not_found";
            } else if (web instanceof NotAllowedException) {
                code = "method_not_allowed";
            } else if (web instanceof NotSupportedException) {
                code = "unsupported_media_type";
            } else if (web instanceof ForbiddenException) {
                code = "forbidden";
            } else if (web instanceof NotAuthorizedException) {
                code = "unauthenticated";
            } else {
                code = status >= 500 ? "internal_error" : "bad_request";
            }
            String detail = status == 403 ? "your role may not do this" : status >= 500 ? "unexpected error" : code;
            Response response = Problems.of(status, Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), code, detail);
            if (web instanceof NotAllowedException) {
                return Response.fromResponse(response).allow(web.getResponse().getAllowedMethods()).build();
            }
            return response;
        }
    }

    /**
     * Anything else. A transaction that failed to commit because another one changed the same rows first is a
     * retryable conflict; the rest is logged with its stack and answered without detail.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {

        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(RuntimeException unexpected) {
            for (Throwable cause = unexpected; cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainException rule) {
                    return new DomainRule().toResponse(rule);
                }
                if (cause instanceof ConflictException conflict) {
                    return new Conflict().toResponse(conflict);
                }
                if (cause instanceof InvalidRequestException invalid) {
                    return new InvalidRequest().toResponse(invalid);
                }
                String name = cause.getClass().getSimpleName();
                if (name.equals("OptimisticLockException") || name.equals("RollbackException")
                        && String.valueOf(cause.getMessage()).contains("ptimistic")) {
                    return Problems.of(409, "Conflict", "concurrent_update",
                            "the data changed while the request ran; retry");
                }
            }
            LOG.log(Level.SEVERE, "unexpected error", unexpected);
            return Problems.of(500, "Internal Server Error", "internal_error", "unexpected error; retry with the same"
                    + " Idempotency-Key");
        }
    }
}
