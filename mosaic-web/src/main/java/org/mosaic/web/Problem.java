package org.mosaic.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One refused value of a request, as the API reports it: which input (its declared name, or a dotted path inside a
 * document), the value as sent, what was expected, and a hint where there is one.
 *
 * @param input    the input's name ({@code InputSpec.name}), {@code INPUT.PATH} inside a document; null when the problem is
 *                 not one input's
 * @param value    the value as sent (null when absent or unknown)
 * @param expected what was expected, in words
 * @param hint     what to do about it (null when none)
 * @param message  the whole refusal in one sentence, as the CLI prints it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String input, JsonNode value, String expected, String hint, String message) {
}
