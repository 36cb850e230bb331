package org.parley.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * Parley's REST interface at the context root: the paths are the URLs clients use ({@code /data},
 * {@code /consents}, {@code /webhooks/...}). Static files are served by the default servlet on the
 * paths web.xml gives it.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Parley",
            version = "0.1",
            description =
                "Chatbot backend: platform webhooks, the DataAPI for consented dialogs, plugins.",
            license = @License(name = "Apache-2.0")))
public class ParleyApplication extends Application {}
