/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The {@code imh-measures} command-line tool ({@code measures-cli/target/imh-measures-cli.jar}, and
 * {@code bin/imh-measures} in the distribution zip): demo, instruments, score, change, profile, fhir and
 * fhir-score, one picocli command model ({@link org.imhmeasures.cli.Main}) behind the help, the version,
 * the shell completion and {@code docs/cli.md}. Exit status 0 when a run completes, 1 for unreadable or
 * unusable files, 2 for unusable arguments, 3 when a completed run rejected more rows than
 * {@code --max-rejects} allows; errors are one line on standard error.
 */
@NullMarked
package org.imhmeasures.cli;

import org.jspecify.annotations.NullMarked;
