/**
 * The reliability model of one cable: per-part failure laws ({@link org.mosaic.link.reliability.Component}:
 * constant FIT plus optional Weibull or lognormal wear-out, Arrhenius-accelerated with temperature), channels as
 * series of parts, each direction a k-out-of-n group with hot spares ({@link org.mosaic.link.reliability.KOutOfN}),
 * common-mode parts per end and per cable in series ({@link org.mosaic.link.reliability.CableReliabilitySpec}).
 *
 * <p>{@link org.mosaic.link.reliability.CableReliability#evaluate} gives R(t), the FIT averaged over the service
 * life with its breakdown, AFR, MTTF and the distribution of the time until the spares run out, with and
 * without spares; {@link org.mosaic.link.reliability.ReliabilityMonteCarlo} cross-checks it by sampling every
 * part's failure time. {@link org.mosaic.link.reliability.FitConversions} holds the constant-FIT arithmetic the
 * fleet model uses, {@link org.mosaic.link.reliability.ReliabilityDefaults} the sourced default parts.
 *
 * <p>Units: time in hours (FIT is per 10⁹ h), temperature in kelvin, activation energy in eV.
 */
package org.mosaic.link.reliability;
