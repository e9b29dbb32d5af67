/**
 * Failures, checkpointing and goodput of a training campaign (issue 7): failure causes as Poisson processes with
 * their recovery ({@link org.mosaic.cluster.training.goodput.FailureCause}, {@link org.mosaic.cluster.training.goodput.Recovery},
 * {@link org.mosaic.cluster.training.goodput.FailureCauses}); the Llama 3 anchor
 * ({@link org.mosaic.cluster.training.goodput.LlamaThreeDefaults}); checkpoint closed forms and the renewal-reward
 * ETTR ({@link org.mosaic.cluster.training.goodput.Checkpointing}); and the discrete-event Monte Carlo of a campaign
 * with common random numbers per cause ({@link org.mosaic.cluster.training.goodput.CampaignSimulator}). Sources:
 * {@code reference/cluster.md} §3.1, §3.5 and §(b) items 8–10.
 */
package org.mosaic.cluster.training.goodput;
