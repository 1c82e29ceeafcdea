package dev.headroom.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Every error a service answers is an {@link ApiError} in JSON: the framework's own (404, 405, 415, a body that is not
 * JSON) keep their status; anything unexpected is a 500 whose body says nothing of the cause, which is logged.
 */
public class JsonErrors {

    @ServerExceptionMapper
    public Response framework(WebApplicationException error) {
        Response response = error.getResponse();
        if (response.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return response;
        }
        int status = response.getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return ApiError.of(status, known != null ? known.getReasonPhrase() : "HTTP " + status, List.of());
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException error) {
        return ApiError.badRequest("the body is not valid JSON for this endpoint: " + error.getOriginalMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception error) {
        Log.errorf(error, "request failed");
        return ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "internal error (logged by the service)", List.of());
    }
}
