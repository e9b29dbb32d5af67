package org.mosaic.studies.goodput;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.mosaic.cluster.TrainingModel;

/**
 * The goodput of a training campaign under one or several interconnect policies: the first policy's campaign at the
 * top level; with several, every policy's under {@code policies} and each later one against the first under
 * {@code differencesFromFirst}; the notes on the user's technologies when there are any.
 *
 * @param first                the first policy's campaign (its keys are the result's first keys)
 * @param policies             every policy's campaign, in the order asked (only with more than one)
 * @param differencesFromFirst every later policy against the first (only with more than one)
 * @param technologyNotes      what the user's technology documents did to the menu (only when there are any)
 * @param linkRatesCalibrated  links at Llama 3's field rate ({@code llama}) rather than the catalog's FITs (not in the JSON)
 * @param linkCalibration      the factor that scales the catalog's link rates to Llama 3's (not in the JSON)
 * @param campaigns            the simulated campaigns, for charts (not in the JSON)
 */
public record GoodputResult(
        @JsonUnwrapped PolicyGoodput first,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PolicyGoodput> policies,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PolicyDifference> differencesFromFirst,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> technologyNotes,
        @JsonIgnore boolean linkRatesCalibrated,
        @JsonIgnore double linkCalibration,
        @JsonIgnore List<TrainingModel.Campaign> campaigns) {

    public GoodputResult {
        policies = policies == null ? null : List.copyOf(policies);
        differencesFromFirst = differencesFromFirst == null ? null : List.copyOf(differencesFromFirst);
        technologyNotes = List.copyOf(technologyNotes);
        campaigns = List.copyOf(campaigns);
    }

    /** Every policy's campaign, in the order asked (the first alone when one was asked). */
    public List<PolicyGoodput> all() {
        return policies == null ? List.of(first) : policies;
    }
}
