package dev.headroom.service;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The JSON body of every error response: a message and, for invalid input, each problem by key. */
public record ApiError(String error, List<String> problems) {

    public static Response of(Response.Status status, String error, List<String> problems) {
        return of(status.getStatusCode(), error, problems);
    }

    public static Response of(int status, String error, List<String> problems) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(error, problems)).build();
    }

    public static Response badRequest(String error, List<String> problems) {
        return of(Response.Status.BAD_REQUEST, error, problems);
    }
}
