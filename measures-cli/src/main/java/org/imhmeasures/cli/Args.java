/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses {@code --flag value} and {@code --switch} arguments against the flags a command accepts. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    private Args() {
    }

    static Args parse(List<String> args, Set<String> valueFlags, Set<String> switches) throws UsageException {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (switches.contains(arg)) {
                parsed.values.put(arg, "");
            } else if (valueFlags.contains(arg)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(arg + " must be followed by a value: none given");
                }
                if (parsed.values.put(arg, args.get(++i)) != null) {
                    throw new UsageException(arg + " must be given once: repeated");
                }
            } else {
                throw new UsageException("argument must be one of " + new java.util.TreeSet<>(union(valueFlags,
                        switches)) + ": " + arg);
            }
        }
        return parsed;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }

    Optional<String> value(String flag) {
        return Optional.ofNullable(values.get(flag));
    }

    String required(String flag) throws UsageException {
        String value = values.get(flag);
        if (value == null) {
            throw new UsageException(flag + " must be given: missing");
        }
        return value;
    }
}
