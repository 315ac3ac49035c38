/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message lookup for submission violations: a key of the {@code ValidationMessages} bundle, with
 * {@code {name}} parameters replaced. No expression language is evaluated, so a submitted value can
 * never be interpreted. Not API.
 */
public final class Messages {

    /** The base name of the default bundle. */
    public static final String DEFAULT_BUNDLE = "org.imhmeasures.portal.submission.ValidationMessages";

    private static final Pattern TEMPLATE = Pattern.compile("\\{(imh\\.[a-z0-9_.]+)\\}");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    private final ResourceBundle defaults;
    private final Optional<ResourceBundle> override;

    private Messages(ResourceBundle defaults, Optional<ResourceBundle> override) {
        this.defaults = defaults;
        this.override = override;
    }

    /**
     * The default bundle, optionally overridden key by key.
     *
     * @param override a host's translation, if any
     * @return the messages
     */
    public static Messages of(Optional<ResourceBundle> override) {
        return new Messages(ResourceBundle.getBundle(DEFAULT_BUNDLE, Locale.ROOT), override);
    }

    /**
     * The stable code of a template {@code {imh.some.key}}: {@code some.key}.
     *
     * @param template the message template
     * @return the code, or {@code constraint} for a template that is not one of ours
     */
    public static String code(String template) {
        Matcher m = TEMPLATE.matcher(template);
        return m.matches() ? m.group(1).substring("imh.".length()) : "constraint";
    }

    /**
     * Resolves a template and its parameters.
     *
     * @param template {@code {imh.key}}
     * @param parameters parameter values by name
     * @return the message
     */
    public String format(String template, Map<String, ?> parameters) {
        Matcher m = TEMPLATE.matcher(template);
        String text = m.matches() ? lookup(m.group(1)) : "value must satisfy a constraint: invalid";
        Matcher p = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (p.find()) {
            Object value = parameters.get(p.group(1));
            p.appendReplacement(out, Matcher.quoteReplacement(value == null ? p.group() : String.valueOf(value)));
        }
        p.appendTail(out);
        return out.toString();
    }

    private String lookup(String key) {
        if (override.isPresent() && override.get().containsKey(key)) {
            return override.get().getString(key);
        }
        try {
            return defaults.getString(key);
        } catch (MissingResourceException e) {
            return "value must satisfy " + key + ": invalid";
        }
    }
}
