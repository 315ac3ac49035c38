/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import jakarta.validation.MessageInterpolator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.HibernateMessageInterpolatorContext;

/** Interpolates constraint messages with {@link Messages}: bundle keys and parameters only, no EL. Not API. */
public final class MessageInterpolatorAdapter implements MessageInterpolator {

    private final Messages messages;

    /**
     * Creates the adapter.
     *
     * @param messages the messages
     */
    public MessageInterpolatorAdapter(Messages messages) {
        this.messages = messages;
    }

    @Override
    public String interpolate(String messageTemplate, Context context) {
        return interpolate(messageTemplate, context, Locale.ROOT);
    }

    @Override
    public String interpolate(String messageTemplate, Context context, Locale locale) {
        Map<String, Object> parameters = new HashMap<>(context.getConstraintDescriptor().getAttributes());
        if (context instanceof HibernateMessageInterpolatorContext) {
            parameters.putAll(((HibernateMessageInterpolatorContext) context).getMessageParameters());
        }
        return messages.format(messageTemplate, parameters);
    }
}
