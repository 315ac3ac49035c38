/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The portal backend's Spring Boot application: everything imh-measures needs is auto-configured. */
@SpringBootApplication
public class PortalBackendApplication {

    /**
     * Starts the backend.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=8080}
     */
    public static void main(String[] args) {
        SpringApplication.run(PortalBackendApplication.class, args);
    }
}
