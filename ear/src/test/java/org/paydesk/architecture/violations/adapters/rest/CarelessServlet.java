package org.paydesk.architecture.violations.adapters.rest;

import jakarta.servlet.http.HttpServlet;

/** A servlet that does not say who may call it, on purpose. */
public class CarelessServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
}
