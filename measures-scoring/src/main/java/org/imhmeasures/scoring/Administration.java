package org.imhmeasures.scoring;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * One completed (or partly completed) instrument: the answers by item id, with when and by whom.
 *
 * <p>Immutable. {@link #toString()} shows the instrument and the number of answers only: dates and
 * respondents can identify a family and are never printed.
 *
 * @param instrumentId the instrument the answers belong to, e.g. {@code PHQ-9}
 * @param answers answers by item id, in the order given
 * @param date when it was completed, if known
 * @param timepoint where in the episode it was taken, if known
 * @param respondent who answered, e.g. {@code birth mother} (a role, never a name), if recorded
 * @since 0.1.0
 */
public record Administration(String instrumentId, Map<String, Answer> answers, Optional<LocalDate> date,
        Optional<Timepoint> timepoint, Optional<String> respondent) {

    /** Validates and copies. */
    public Administration {
        instrumentId = Check.notBlank(instrumentId, "instrument id");
        Check.notNull(answers, "answers");
        Map<String, Answer> copy = new LinkedHashMap<>();
        answers.forEach((itemId, answer) -> copy.put(Check.notBlank(itemId, "item id"), Check.notNull(answer,
                "answer to " + itemId)));
        answers = Collections.unmodifiableMap(copy);
        Check.notNull(date, "date");
        Check.notNull(timepoint, "timepoint");
        Check.notNull(respondent, "respondent");
    }

    /**
     * An administration from raw codes by item id; blank or {@code null} codes are missing answers.
     *
     * @param instrumentId the instrument id
     * @param codes codes by item id
     * @return the administration, with no date, timepoint or respondent
     */
    public static Administration of(String instrumentId, Map<String, String> codes) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        codes.forEach((itemId, code) -> answers.put(itemId, Answer.of(code)));
        return new Administration(instrumentId, answers, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Returns a copy taken on {@code date}.
     *
     * @param date completion date
     * @return a new administration
     */
    public Administration withDate(LocalDate date) {
        return new Administration(instrumentId, answers, Optional.of(date), timepoint, respondent);
    }

    /**
     * Returns a copy at {@code timepoint}.
     *
     * @param timepoint the timepoint
     * @return a new administration
     */
    public Administration withTimepoint(Timepoint timepoint) {
        return new Administration(instrumentId, answers, date, Optional.of(timepoint), respondent);
    }

    /**
     * Returns a copy answered by {@code respondent}.
     *
     * @param respondent the respondent's role
     * @return a new administration
     */
    public Administration withRespondent(String respondent) {
        return new Administration(instrumentId, answers, date, timepoint, Optional.of(respondent));
    }

    /** Redacted: no date, no respondent, no answers. */
    @Override
    public String toString() {
        return "Administration[instrumentId=" + instrumentId + ", answers=" + answers.size() + " items"
                + ", timepoint=" + timepoint.map(Enum::name).orElse("-") + ", date=" + (date.isPresent() ? "<redacted>"
                : "-") + ", respondent=" + (respondent.isPresent() ? "<redacted>" : "-") + "]";
    }
}
