/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.codesystems.DataAbsentReason;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ListedAnswer;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.core.instrument.Subscale;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.Timepoint;

/**
 * Maps an {@link Administration} to a FHIR R4 {@code QuestionnaireResponse} (base R4 and
 * UKCore-QuestionnaireResponse) and an inbound QuestionnaireResponse back to an administration.
 *
 * <p>Outbound, field by field:
 * <ul>
 * <li>{@code questionnaire} = {@link FhirUris#versionedQuestionnaire(Instrument)}; {@code status} =
 *     completed; {@code subject} = the host's reference, if given;</li>
 * <li>{@code authored} = the administration date (day precision); {@code source} = a reference holding
 *     only the respondent's role as {@code display} (a role such as {@code birth mother}, never a name);
 *     the timepoint = extension {@value #TIMEPOINT_EXTENSION} with code {@code baseline}, {@code review},
 *     {@code discharge} or {@code follow-up};</li>
 * <li>one item per answered or declined instrument item, in form order, {@code linkId} = item id: a given
 *     answer on a coded item is a {@code valueCoding} (system {@link FhirUris#answers(Instrument)}, code,
 *     display = the option label where shipped), on a rating item a {@code valueInteger}; a declined item
 *     has no answer and a {@code data-absent-reason} extension {@code asked-declined}; a missing item is
 *     left out.</li>
 * </ul>
 *
 * <p>Inbound ({@link #toAdministration}) accepts what a form renderer sends: items may be nested in groups
 * whose linkIds are not item ids; the questionnaire version may be left off (the catalogue's definition
 * is then assumed); answer codings may omit the system; display items (no answer, no nested items) are
 * ignored; calculated items — our total and subscale items ({@link QuestionnaireMapping#totalLinkId},
 * {@link QuestionnaireMapping#subscaleLinkId}) or the LOINC total item — are not scored (their value is
 * compared with the library's score by {@link FhirScoring}). Answers coded with the option's LOINC answer
 * code (system {@code http://loinc.org}, e.g. {@code LA6569-3}) map to the option where the definition lists
 * that code.
 *
 * <p>LOINC's form of a catalogue instrument: a {@code questionnaire} of {@code http://loinc.org/q/<panel>}
 * (any version) names the instrument whose definition has that LOINC panel code; its linkIds are LOINC item
 * codes, with or without a leading {@code /} (the code after the last {@code /} is matched, as LHC-Forms
 * writes {@code /44250-9}), mapped through the definition's LOINC item codes; LOINC items the definition
 * lists as not scored (the PHQ-9 difficulty question {@code 69722-7}) are ignored, answered or not. It yields an answer for every instrument item in
 * form order: absent items are {@link Answer.Missing}. It rejects, with a {@link FhirMappingException}
 * naming the element path, a missing or unknown questionnaire, a version other than the catalogue's, a
 * status that is not scored, an unknown or repeated linkId, more than one answer, an answer of the
 * wrong type, a code that is not an option, a display that contradicts the code, a system other than ours,
 * a rating out of range and a date without day precision.
 *
 * <p>Status: {@code completed} and {@code amended} responses are scored (the score Observation is
 * {@code final}); {@code in-progress} is scored too, as a partial response, and its Observation is
 * {@code preliminary} (see {@link ScoreMapping#toObservation}), since the missing-item rule already decides
 * whether a partial response can be scored and its critical answers must not wait for completion;
 * {@code stopped} (abandoned, will not be completed) and {@code entered-in-error} are not scored: an
 * {@link FhirMappingException.InvalidValue} at {@code QuestionnaireResponse.status}.
 *
 * <p>Display check (a coding whose text says one thing and whose code another would score the code and
 * could hide or invent a critical alert): when the coded option has a label — the wording ships (PHQ-9,
 * GAD-7) or a licensee loaded it with {@code Catalogue.withWording} — and the coding has a
 * {@code display}, the display is compared with the option labels of that item, ignoring case and
 * whitespace. Equal to the coded option's label: fine. Equal to another option's label only: an
 * {@link FhirMappingException.InvalidValue} at {@code ...valueCoding.display} naming the option it is the
 * label of (never the display text). Equal to no label (a translation, a renderer's own text): accepted,
 * since only the code is scored. Items without labels are not compared.
 *
 * <p>For every valid administration {@code a},
 * {@code toAdministration(catalogue, toResponse(instrument, a))} equals {@code a} once {@code a} lists
 * every item (missing ones as {@link Answer.Missing}) in form order.
 *
 * <p>Exception messages never carry patient data: a found linkId, code, system, date or timepoint is
 * shown only when it has the shape of a code, id or URL, otherwise described by its length; see
 * {@link FhirMappingException}.
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1.0
 */
public final class ResponseMapping {

    /** Extension on QuestionnaireResponse carrying the episode timepoint as a code. */
    public static final String TIMEPOINT_EXTENSION = FhirUris.BASE + "/StructureDefinition/timepoint";

    private static final String ROOT = "QuestionnaireResponse";

    private ResponseMapping() {
    }

    /**
     * Maps an administration to a QuestionnaireResponse with no subject.
     *
     * @param instrument the instrument the administration belongs to
     * @param administration the answers; every given code must be an allowed answer
     * @return a new QuestionnaireResponse without id
     * @throws IllegalArgumentException if the administration is of another instrument, names an item the
     *         instrument does not have, has unplaced answers (a blank or repeated key), or holds a code the
     *         item does not allow; the message shows a key or code only when it has the shape of one
     */
    public static QuestionnaireResponse toResponse(Instrument instrument, Administration administration) {
        return toResponse(instrument, administration, Optional.empty());
    }

    /**
     * Maps an administration to a QuestionnaireResponse about {@code subject}.
     *
     * @param instrument the instrument the administration belongs to
     * @param administration the answers; every given code must be an allowed answer
     * @param subject the host system's reference to the patient, e.g. {@code Patient/123}, if any
     * @return a new QuestionnaireResponse without id
     * @throws IllegalArgumentException as {@link #toResponse(Instrument, Administration)}
     */
    public static QuestionnaireResponse toResponse(Instrument instrument, Administration administration,
            Optional<Reference> subject) {
        Require.notNull(instrument, "instrument");
        Require.notNull(administration, "administration");
        Require.notNull(subject, "subject");
        Require.argument(administration.instrumentId().equals(instrument.id()),
                "administration instrument must be %s: %s", instrument.id(),
                Redact.instrumentId(administration.instrumentId()));
        Require.argument(administration.allPlaced(),
                "administration must have one answer per item (no blank or repeated keys): %d unplaced",
                administration.unplacedAnswers().size());
        for (String itemId : administration.answers().keySet()) {
            Require.argument(instrument.item(itemId).isPresent(), "answered item must be an item of %s: %s",
                    instrument.id(), Redact.key(itemId));
        }
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(FhirUris.versionedQuestionnaire(instrument));
        response.setStatus(QuestionnaireResponseStatus.COMPLETED);
        subject.ifPresent(reference -> response.setSubject(reference.copy()));
        administration.date().ifPresent(date -> response.setAuthoredElement(new DateTimeType(date.toString())));
        administration.respondent().ifPresent(role -> response.setSource(new Reference().setDisplay(role)));
        administration.timepoint().ifPresent(timepoint -> response.addExtension(TIMEPOINT_EXTENSION,
                new CodeType(timepointCode(timepoint))));
        for (Item item : instrument.items()) {
            Answer answer = administration.answers().get(item.id());
            if (answer instanceof Answer.Given given) {
                QuestionnaireResponseItemComponent component = response.addItem().setLinkId(item.id());
                component.addAnswer().setValue(value(instrument, item, given.code()));
            } else if (answer instanceof Answer.Declined) {
                QuestionnaireResponseItemComponent component = response.addItem().setLinkId(item.id());
                component.addExtension(FhirUris.DATA_ABSENT_REASON,
                        new CodeType(DataAbsentReason.ASKEDDECLINED.toCode()));
            }
        }
        return response;
    }

    private static Type value(Instrument instrument, Item item, String code) {
        ResponseScale scale = item.scale();
        Require.argument(scale.allows(code), "answer to %s must be one of %s: %s", item.id(),
                scale.describeAllowed(), Redact.code(code));
        if (!scale.listedAnswers().isEmpty()) {
            ListedAnswer option = scale.listedAnswers().stream().filter(o -> o.code().equals(code)).findFirst()
                    .orElseThrow();
            return new Coding(FhirUris.answers(instrument), option.code(), option.label().orElse(null));
        }
        return new IntegerType(Integer.parseInt(code));
    }

    /**
     * Maps an inbound QuestionnaireResponse to an administration of a catalogue instrument.
     *
     * @param catalogue the instruments to resolve {@code QuestionnaireResponse.questionnaire} against
     * @param response the inbound resource
     * @return the administration, with an answer for every item in form order
     * @throws FhirMappingException naming the element path, for the first mapping problem in document order
     *         (see class doc); {@link FhirScoring} reports every problem
     */
    public static Administration toAdministration(Catalogue catalogue, QuestionnaireResponse response) {
        Reading reading = read(catalogue, response);
        if (!reading.problems().isEmpty()) {
            throw reading.problems().get(0);
        }
        return reading.administration();
    }

    /**
     * A calculated item found in an inbound response (our total or subscale item, or the LOINC total): not
     * scored, its value compared with the library's.
     *
     * @param path the item's element path
     * @param linkId the calculated item it was recognised as: our linkId, or the LOINC total code
     * @param subscaleId the subscale it totals, empty for the instrument total
     * @param value the number it carries, empty when it carries none or not a number
     */
    record Reported(String path, String linkId, Optional<String> subscaleId, Optional<BigDecimal> value) {
    }

    /**
     * Everything reading an inbound response found.
     *
     * @param instrument the instrument the response is for
     * @param administration the answers that mapped (an item whose answer did not map is missing)
     * @param problems every mapping problem, in document order
     * @param itemPaths the element path of each instrument item present, by item id
     * @param reported the calculated items present
     */
    record Reading(Instrument instrument, Administration administration, List<FhirMappingException> problems,
            Map<String, String> itemPaths, List<Reported> reported) {
    }

    /**
     * Reads a response, collecting every mapping problem instead of stopping at the first. An unresolvable
     * {@code questionnaire} is thrown: nothing else can be read without the instrument.
     */
    static Reading read(Catalogue catalogue, QuestionnaireResponse response) {
        Require.notNull(catalogue, "catalogue");
        Require.notNull(response, "questionnaire response");
        Resolved resolved = instrument(catalogue, response);
        Instrument instrument = resolved.instrument();
        List<FhirMappingException> problems = new ArrayList<>();
        if (!response.hasStatus()) {
            problems.add(new FhirMappingException.MissingElement(ROOT + ".status", "be present"));
        } else if (!isScored(response.getStatus())) {
            problems.add(new FhirMappingException.InvalidValue(ROOT + ".status",
                    "be completed, amended or in-progress to be scored", response.getStatus().toCode()));
        }
        Collector collector = new Collector(instrument, resolved.loinc(), problems);
        collector.collect(response.getItem(), ROOT);
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            answers.put(item.id(), collector.found.getOrDefault(item.id(), Answer.MISSING));
        }
        Optional<LocalDate> date = attempt(problems, () -> date(response)).flatMap(d -> d);
        Optional<Timepoint> timepoint = attempt(problems, () -> timepoint(response)).flatMap(t -> t);
        Administration administration = new Administration(instrument.id(), answers, date, timepoint,
                respondent(response));
        return new Reading(instrument, administration, List.copyOf(problems), Map.copyOf(collector.paths),
                List.copyOf(collector.reported));
    }

    private static <T> Optional<T> attempt(List<FhirMappingException> problems, Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (FhirMappingException e) {
            problems.add(e);
            return Optional.empty();
        }
    }

    /** Whether a response in this status is scored: completed, amended and in-progress are. */
    static boolean isScored(QuestionnaireResponseStatus status) {
        return status == QuestionnaireResponseStatus.COMPLETED || status == QuestionnaireResponseStatus.AMENDED
                || status == QuestionnaireResponseStatus.INPROGRESS;
    }

    /** The instrument, and whether the response is to LOINC's form of it (linkIds are LOINC codes). */
    private record Resolved(Instrument instrument, boolean loinc) {
    }

    private static Resolved instrument(Catalogue catalogue, QuestionnaireResponse response) {
        String path = ROOT + ".questionnaire";
        if (!response.hasQuestionnaire()) {
            throw new FhirMappingException.MissingElement(path, "be the canonical URL of a catalogue instrument");
        }
        String canonical = response.getQuestionnaire();
        int bar = canonical.indexOf('|');
        String url = bar < 0 ? canonical : canonical.substring(0, bar);
        Optional<String> version = bar < 0 ? Optional.empty() : Optional.of(canonical.substring(bar + 1));
        for (Instrument instrument : catalogue.instruments()) {
            if (FhirUris.questionnaire(instrument).equals(url)) {
                if (version.isPresent() && !version.get().equals(instrument.definitionVersion())) {
                    throw new FhirMappingException.UnknownReference(path, "name definition version "
                            + instrument.definitionVersion() + " of " + instrument.id(), canonical);
                }
                return new Resolved(instrument, false);
            }
        }
        if (url.startsWith(FhirUris.LOINC_FORMS)) {
            // LOINC's form of a panel: any LOINC version, since items and answers are matched by their codes
            String panel = url.substring(FhirUris.LOINC_FORMS.length());
            for (Instrument instrument : catalogue.instruments()) {
                if (instrument.codes().loincPanel().filter(panel::equals).isPresent()
                        && !instrument.codes().loincItems().isEmpty()) {
                    return new Resolved(instrument, true);
                }
            }
        }
        throw new FhirMappingException.UnknownReference(path, "be the canonical URL of a catalogue instrument ("
                + FhirUris.BASE + "/Questionnaire/<key>, or " + FhirUris.LOINC_FORMS
                + "<panel> for a panel in the catalogue)", canonical);
    }

    /** Walks the items, collecting answers, problems, paths and calculated items. */
    private static final class Collector {
        private final Instrument instrument;
        private final boolean loinc;
        private final List<FhirMappingException> problems;
        private final Map<String, Answer> found = new HashMap<>();
        private final Map<String, String> paths = new HashMap<>();
        private final List<Reported> reported = new ArrayList<>();
        private final Map<String, String> itemByLoinc = new HashMap<>();
        private final Map<String, Optional<String>> calculated = new HashMap<>();

        Collector(Instrument instrument, boolean loinc, List<FhirMappingException> problems) {
            this.instrument = instrument;
            this.loinc = loinc;
            this.problems = problems;
            instrument.codes().loincItems().forEach((itemId, code) -> itemByLoinc.put(code, itemId));
            calculated.put(QuestionnaireMapping.totalLinkId(instrument), Optional.empty());
            instrument.codes().loincTotal().ifPresent(code -> calculated.put(code, Optional.empty()));
            for (Subscale subscale : instrument.subscales()) {
                calculated.put(QuestionnaireMapping.subscaleLinkId(instrument, subscale), Optional.of(subscale.id()));
            }
        }

        /** The key a linkId is looked up by: itself, or for LOINC's form the code after the last slash. */
        private String key(String linkId) {
            return loinc ? linkId.substring(linkId.lastIndexOf('/') + 1) : linkId;
        }

        void collect(List<QuestionnaireResponseItemComponent> items, String parent) {
            for (int i = 0; i < items.size(); i++) {
                QuestionnaireResponseItemComponent component = items.get(i);
                String path = parent + ".item[" + i + "]";
                try {
                    one(component, path);
                } catch (FhirMappingException e) {
                    problems.add(e);
                }
            }
        }

        private void one(QuestionnaireResponseItemComponent component, String path) {
            if (!component.hasLinkId()) {
                throw new FhirMappingException.MissingElement(path + ".linkId", "be present");
            }
            String linkId = component.getLinkId();
            String key = key(linkId);
            Optional<Item> item = loinc ? Optional.ofNullable(itemByLoinc.get(key)).flatMap(instrument::item)
                    : instrument.item(linkId);
            if (item.isEmpty()) {
                if (calculated.containsKey(key)) {
                    reported.add(new Reported(path, key, calculated.get(key), number(component)));
                    return; // a total the renderer calculated: compared with ours, never scored
                }
                if (loinc && instrument.codes().loincUnscoredItems().contains(key)) {
                    return; // on LOINC's form but not scored (the PHQ-9 difficulty question)
                }
                if (component.hasAnswer()) {
                    throw new FhirMappingException.UnknownReference(path + ".linkId", "name an item of "
                            + instrument.id() + " (" + expectedLinkIds() + ") or a group of them", linkId);
                }
                collect(component.getItem(), path); // a group (nested items) or a display item (none)
                return;
            }
            String itemId = item.get().id();
            if (found.containsKey(itemId)) {
                throw new FhirMappingException.InvalidValue(path + ".linkId", "occur at most once", linkId);
            }
            if (component.hasItem()) {
                throw new FhirMappingException.InvalidValue(path + ".item", "be absent under question " + itemId,
                        component.getItem().size() + " nested items");
            }
            paths.put(itemId, path);
            found.put(itemId, Answer.MISSING); // until the answer maps: a repeat is refused either way
            found.put(itemId, answer(instrument, item.get(), component, path));
        }

        private String expectedLinkIds() {
            if (loinc) {
                return "its LOINC item codes, e.g. /" + instrument.codes().loincItems().values().iterator().next();
            }
            return instrument.key() + "_1.." + instrument.key() + "_" + instrument.items().size();
        }
    }

    /** The number a calculated item carries, if it carries exactly one answer with a numeric value. */
    private static Optional<BigDecimal> number(QuestionnaireResponseItemComponent component) {
        if (component.getAnswer().size() != 1 || !component.getAnswerFirstRep().hasValue()) {
            return Optional.empty();
        }
        Type value = component.getAnswerFirstRep().getValue();
        if (value instanceof IntegerType integer && integer.hasValue()) {
            return Optional.of(BigDecimal.valueOf(integer.getValue()));
        }
        if (value instanceof DecimalType decimal && decimal.hasValue()) {
            return Optional.of(decimal.getValue());
        }
        if (value instanceof Quantity quantity && quantity.hasValue()) {
            return Optional.of(quantity.getValue());
        }
        return Optional.empty();
    }

    private static Answer answer(Instrument instrument, Item item, QuestionnaireResponseItemComponent component,
            String path) {
        List<QuestionnaireResponseItemAnswerComponent> answers = component.getAnswer();
        if (answers.isEmpty()) {
            Extension absent = component.getExtensionByUrl(FhirUris.DATA_ABSENT_REASON);
            if (absent != null && absent.getValue() instanceof CodeType code
                    && DataAbsentReason.ASKEDDECLINED.toCode().equals(code.getValue())) {
                return Answer.DECLINED;
            }
            return Answer.MISSING;
        }
        if (answers.size() > 1) {
            throw new FhirMappingException.InvalidValue(path + ".answer[1]", "be absent: " + item.id()
                    + " takes one answer", answers.size() + " answers");
        }
        String answerPath = path + ".answer[0]";
        QuestionnaireResponseItemAnswerComponent answer = answers.get(0);
        if (answer.hasItem()) {
            throw new FhirMappingException.InvalidValue(answerPath + ".item", "be absent",
                    answer.getItem().size() + " nested items");
        }
        if (!answer.hasValue()) {
            throw new FhirMappingException.MissingElement(answerPath + ".value[x]", "be present");
        }
        Type value = answer.getValue();
        ResponseScale scale = item.scale();
        if (!scale.listedAnswers().isEmpty()) { // coded options, scored or not
            List<ListedAnswer> options = scale.listedAnswers();
            if (!(value instanceof Coding coding)) {
                throw new FhirMappingException.InvalidValue(answerPath, "be a valueCoding",
                        typeName(value));
            }
            boolean loincCoded = FhirUris.LOINC.equals(coding.getSystem());
            if (coding.hasSystem() && !loincCoded && !FhirUris.answers(instrument).equals(coding.getSystem())) {
                throw new FhirMappingException.InvalidValue(answerPath + ".valueCoding.system",
                        "be " + FhirUris.answers(instrument) + (hasLoincAnswers(options) ? " or " + FhirUris.LOINC
                        : ""), coding.getSystem());
            }
            String given = coding.getCode() == null ? null : coding.getCode().strip();
            Optional<ListedAnswer> option = given == null || given.isEmpty() ? Optional.empty()
                    : options.stream().filter(o -> loincCoded ? o.loincAnswer().filter(given::equals)
                            .isPresent() : o.code().equals(given)).findFirst();
            if (option.isEmpty() && !coding.hasSystem() && given != null) {
                // a renderer may drop the system: an LA code still names its option
                option = options.stream().filter(o -> o.loincAnswer().filter(given::equals).isPresent())
                        .findFirst();
            }
            if (option.isEmpty()) {
                throw new FhirMappingException.InvalidValue(answerPath + ".valueCoding.code", "be one of "
                        + (loincCoded ? describeLoinc(options) : scale.describeAllowed()),
                        coding.getCode() == null ? "absent" : coding.getCode());
            }
            String code = option.get().code();
            if (coding.hasDisplay()) {
                checkDisplay(item, scale, code, coding.getDisplay(), answerPath + ".valueCoding.display");
            }
            return new Answer.Given(code);
        }
        if (!(value instanceof IntegerType integer) || !integer.hasValue()) {
            throw new FhirMappingException.InvalidValue(answerPath, "be a valueInteger", typeName(value));
        }
        String code = Integer.toString(integer.getValue());
        if (!scale.allows(code)) {
            throw new FhirMappingException.InvalidValue(answerPath + ".valueInteger", "be within "
                    + scale.describeAllowed(), code);
        }
        return new Answer.Given(code);
    }

    private static boolean hasLoincAnswers(List<ListedAnswer> options) {
        return options.stream().anyMatch(o -> o.loincAnswer().isPresent());
    }

    private static String describeLoinc(List<ListedAnswer> options) {
        List<String> codes = options.stream().flatMap(o -> o.loincAnswer().stream()).toList();
        return codes.isEmpty() ? "no LOINC answer code (none known for this item)" : String.join(", ", codes);
    }

    /**
     * Refuses a display that is the label of another option of the item than the coded one (see the class
     * documentation). The exception names that option's code, never the display text.
     */
    private static void checkDisplay(Item item, ResponseScale scale, String code, String display, String path) {
        ListedAnswer own = scale.listedAnswers().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
        String shown = comparable(display);
        if (shown.equals(comparable(shownLabel(scale, own)))) {
            return;
        }
        for (ListedAnswer other : scale.listedAnswers()) {
            if (!other.code().equals(code) && shown.equals(comparable(shownLabel(scale, other)))) {
                throw new FhirMappingException.InvalidValue(path, "agree with valueCoding.code " + code + " of "
                        + item.id(), "the label of code " + other.code());
            }
        }
    }

    /** The option's label, or the neutral position label a renderer shows for it where no wording ships. */
    private static String shownLabel(ResponseScale scale, ListedAnswer option) {
        return option.label().orElseGet(() -> QuestionnaireMapping.neutralOptionLabel(scale, option));
    }

    /** Lower case (root locale) without any whitespace, including no-break spaces. */
    private static String comparable(String text) {
        return text.replaceAll("[\\s\\p{Z}]+", "").toLowerCase(Locale.ROOT);
    }

    private static String typeName(Type value) {
        String type = value.fhirType();
        return "value" + Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    private static Optional<LocalDate> date(QuestionnaireResponse response) {
        if (!response.hasAuthoredElement()) {
            return Optional.empty();
        }
        String path = ROOT + ".authored";
        DateTimeType authored = response.getAuthoredElement();
        String text = authored.getValueAsString();
        if (text == null || text.length() < 10) {
            throw new FhirMappingException.InvalidValue(path, "have day precision (yyyy-mm-dd)",
                    text == null ? "absent" : text);
        }
        try {
            return Optional.of(LocalDate.parse(text.substring(0, 10)));
        } catch (DateTimeParseException e) {
            throw new FhirMappingException.InvalidValue(path, "be a date yyyy-mm-dd", text);
        }
    }

    private static Optional<Timepoint> timepoint(QuestionnaireResponse response) {
        List<Extension> extensions = response.getExtensionsByUrl(TIMEPOINT_EXTENSION);
        if (extensions.isEmpty()) {
            return Optional.empty();
        }
        String path = ROOT + ".extension('" + TIMEPOINT_EXTENSION + "')";
        if (extensions.size() > 1) {
            throw new FhirMappingException.InvalidValue(path, "occur at most once", extensions.size() + " times");
        }
        Type value = extensions.get(0).getValue();
        if (!(value instanceof CodeType code) || code.getValue() == null) {
            throw new FhirMappingException.InvalidValue(path + ".value[x]", "be a valueCode",
                    value == null ? "absent" : typeName(value));
        }
        for (Timepoint timepoint : Timepoint.values()) {
            if (timepointCode(timepoint).equals(code.getValue())) {
                return Optional.of(timepoint);
            }
        }
        throw new FhirMappingException.InvalidValue(path + ".valueCode",
                "be one of baseline, review, discharge, follow-up", code.getValue());
    }

    private static Optional<String> respondent(QuestionnaireResponse response) {
        if (!response.hasSource() || !response.getSource().hasDisplay()
                || response.getSource().getDisplay().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(response.getSource().getDisplay().strip());
    }

    /**
     * The code of a timepoint in {@value #TIMEPOINT_EXTENSION}: the enum name in lower case with hyphens,
     * e.g. {@code follow-up}.
     *
     * @param timepoint the timepoint
     * @return its code
     */
    public static String timepointCode(Timepoint timepoint) {
        return timepoint.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
