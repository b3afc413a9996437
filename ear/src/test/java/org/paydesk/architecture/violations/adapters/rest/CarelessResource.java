package org.paydesk.architecture.violations.adapters.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.paydesk.architecture.violations.adapters.persistence.PublicEntity;
import org.paydesk.architecture.violations.domain.BrokenMoney;

/** A resource with no roles that returns a domain object and reaches into persistence, on purpose. */
@Path("/careless")
public class CarelessResource {

    @GET
    public BrokenMoney get() {
        new PublicEntity();
        return new BrokenMoney();
    }
}
