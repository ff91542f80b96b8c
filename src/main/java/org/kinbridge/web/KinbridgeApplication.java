package org.kinbridge.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** All of Kinbridge's HTTP surface is JAX-RS, static panel files included, so one filter chain guards it. */
@ApplicationPath("")
@OpenAPIDefinition(info = @Info(title = "Kinbridge", version = "1",
        description = "Family-access module for schools: LTI 1.3 tool, operator API and panel API."))
public class KinbridgeApplication extends Application {
}
