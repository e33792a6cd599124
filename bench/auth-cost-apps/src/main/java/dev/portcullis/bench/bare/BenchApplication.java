package dev.portcullis.bench.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS root, under {@code /api} like the sample's. */
@ApplicationPath("/api")
public class BenchApplication extends Application {}
