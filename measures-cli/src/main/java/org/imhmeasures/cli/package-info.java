/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The {@code imh-measures} command-line tool ({@code measures-cli/target/imh-measures-cli.jar}): demo,
 * instruments, score, change, profile, fhir and fhir-score. Exit status 0 when a run completes, 2 for
 * unusable arguments, 1 for unreadable or unusable files; errors are one line on standard error.
 */
package org.imhmeasures.cli;
