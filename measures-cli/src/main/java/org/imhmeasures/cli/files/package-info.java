/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Files a run writes: every output goes to a temporary file next to its target and is moved into place
 * only when the run completed, after every input and output path was compared by real path and file key,
 * so a run never destroys its input and never leaves output that looks complete. Depends on the JDK only.
 */
@NullMarked
package org.imhmeasures.cli.files;

import org.jspecify.annotations.NullMarked;
