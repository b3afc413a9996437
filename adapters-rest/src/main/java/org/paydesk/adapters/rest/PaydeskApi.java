package org.paydesk.adapters.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API's root: everything under {@code /api/v1}. */
@ApplicationPath("/api/v1")
public class PaydeskApi extends Application {
}
