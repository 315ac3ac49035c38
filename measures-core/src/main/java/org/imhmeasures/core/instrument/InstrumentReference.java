/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.imhmeasures.core.internal.Check;

/**
 * An instrument the catalogue knows but cannot score: what is confirmed from its published sources
 * (identity, who completes it, licence, structure) and what is not, with nothing guessed in between.
 *
 * <p>A reference exists because some value a scorer would need is unconfirmed — the point values of the
 * response options (MORS-SF), the item-to-subscale key (MPAS), the authors' scoring key. Shipping a
 * scorer with a guessed value would give a family a wrong number, so the catalogue lists the instrument,
 * says {@link #notScorableBecause() why} it cannot be scored, and lists every {@link #omissions() omission}.
 * A record system can still name the instrument, show its licence and holder, and refuse its data with a
 * typed reason instead of "unknown instrument". Read from files of format
 * {@value InstrumentReferences#FORMAT}; see {@link Catalogue#references()}.
 *
 * @param id the catalogue id, unique across instruments and references (letters, digits, {@code -}, {@code :},
 *        parentheses)
 * @param definitionVersion semantic version of this reference file
 * @param name the instrument's full name
 * @param respondent who completes it
 * @param appliesTo the population and purpose, as the sources state them
 * @param notScorableBecause why the catalogue cannot score it: the unconfirmed values a scorer would need
 * @param itemCount the number of items, where confirmed
 * @param itemSource where the item count comes from; present exactly when {@code itemCount} is
 * @param responseFormat the confirmed description of the response format (no wording), where known
 * @param groups the subscales or factors, each with the item positions confirmed to belong to it
 * @param codes LOINC / SNOMED CT codes, where known
 * @param licence the licence and holder
 * @param omissions what stays unconfirmed or is not modelled, at least one
 * @since 0.1.0
 */
public record InstrumentReference(String id, String definitionVersion, String name, Respondent respondent,
        String appliesTo, String notScorableBecause, OptionalInt itemCount, Optional<Source> itemSource,
        Optional<String> responseFormat, List<ItemGroup> groups, Codes codes, Licence licence,
        List<Omission> omissions) {

    /**
     * Validates: ids and versions as for an {@link Instrument}, item positions inside the confirmed item
     * count, group ids unique, at least one omission.
     *
     * @param id the catalogue id
     * @param definitionVersion semantic version
     * @param name full name
     * @param respondent who completes it
     * @param appliesTo population and purpose
     * @param notScorableBecause why it cannot be scored
     * @param itemCount item count, where confirmed
     * @param itemSource source of the item count, present exactly when the count is
     * @param responseFormat response format description, where known
     * @param groups subscales or factors
     * @param codes codes
     * @param licence licence
     * @param omissions what stays unconfirmed, at least one
     */
    public InstrumentReference {
        id = Instrument.checkId(id, "reference");
        definitionVersion = Instrument.checkVersion(definitionVersion, "reference definition");
        name = Check.notBlank(name, "reference name");
        Check.notNull(respondent, "reference respondent");
        appliesTo = Check.notBlank(appliesTo, "reference appliesTo");
        notScorableBecause = Check.notBlank(notScorableBecause, "reference notScorableBecause");
        Check.notNull(itemCount, "reference item count");
        Check.notNull(itemSource, "reference item source");
        Check.argument(itemCount.isPresent() == itemSource.isPresent(),
                "reference item count and its source must be given together: %s", id);
        itemCount.ifPresent(n -> Check.argument(n >= 1 && n <= Instrument.MAX_ITEMS,
                "reference item count must be 1..%d: %d", Instrument.MAX_ITEMS, n));
        responseFormat = Check.notNull(responseFormat, "reference response format").map(String::strip)
                .filter(text -> !text.isEmpty());
        groups = List.copyOf(Check.notNull(groups, "reference groups"));
        Set<String> groupIds = new HashSet<>();
        for (ItemGroup group : groups) {
            Check.argument(groupIds.add(group.id()), "reference group ids must be unique: %s", group.id());
            int max = itemCount.orElse(Instrument.MAX_ITEMS);
            for (int position : group.positions()) {
                Check.argument(position <= max, "reference group %s must name items 1..%d: %d", group.id(), max,
                        position);
            }
        }
        Check.notNull(codes, "reference codes");
        Check.notNull(licence, "reference licence");
        omissions = List.copyOf(Check.notNull(omissions, "reference omissions"));
        Check.argument(!omissions.isEmpty(), "reference %s must list its omissions: none", id);
    }

    /**
     * A subscale or factor of a reference instrument: the item positions confirmed to belong to it.
     * Where only some are confirmed, the others are left out and the reference lists an omission.
     *
     * @param id the group id (lower case, digits, {@code _})
     * @param name the group's name as published
     * @param positions the 1-based item positions, ascending, unique, at least one
     * @param source where the membership comes from
     * @since 0.1.0
     */
    public record ItemGroup(String id, String name, List<Integer> positions, Source source) {

        /**
         * Validates.
         *
         * @param id group id
         * @param name published name
         * @param positions ascending unique 1-based positions
         * @param source membership source
         */
        public ItemGroup {
            id = Check.notBlank(id, "group id");
            Check.argument(id.matches("[a-z][a-z0-9_]*"), "group id must be lower case, digits or '_': %s", id);
            name = Check.notBlank(name, "group name");
            positions = List.copyOf(Check.notNull(positions, "group positions"));
            Check.argument(!positions.isEmpty(), "group %s must name items: none", id);
            int previous = 0;
            for (int position : positions) {
                Check.argument(position > previous, "group %s positions must be ascending, unique and from 1: %d",
                        id, position);
                previous = position;
            }
            Check.notNull(source, "group source");
        }
    }
}
