/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map item id → score over arrays never changed after construction (the scores are the
 * result's own; the answered flags are the result's own or its scorer's all-true array), holding the
 * answered items in form order. Saves copying into a hash map for every
 * scored administration; lookups are linear, which is fast for instruments of a few dozen items.
 */
final class ItemScores extends AbstractMap<String, Integer> {

    private final String[] ids;
    private final int[] scores;
    private final boolean[] answered;
    private final int size;

    /**
     * {@code scores} and {@code answered} are never changed after this call. {@code answered} is either
     * the result's own array or its scorer's shared all-true array ({@code Scorer.allAnswered}); both are
     * filled before they reach here and held in final fields, so a thread that sees this map sees them
     * filled.
     */
    ItemScores(String[] ids, int[] scores, boolean[] answered, int answeredCount) {
        this.ids = ids;
        this.scores = scores;
        this.answered = answered;
        this.size = answeredCount;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Integer get(Object key) {
        for (int i = 0; i < ids.length; i++) {
            if (answered[i] && ids[i].equals(key)) {
                return scores[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < ids.length && !answered[i]) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < ids.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException("no more item scores");
                        }
                        Entry<String, Integer> entry = new SimpleImmutableEntry<>(ids[next], scores[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }
        };
    }
}
