package dev.portcullis.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample's JAX-RS root: its own endpoints and Portcullis' JSON API live under {@code /api}. */
@ApplicationPath("/api")
public class SampleApplication extends Application {}
