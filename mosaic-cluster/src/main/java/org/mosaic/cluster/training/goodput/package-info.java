/**
 * Failures, checkpointing and goodput of a training campaign (issue 7): failure causes as Poisson processes with
 * their recovery ({@link org.mosaic.cluster.training.goodput.FailureCause}, {@link org.mosaic.cluster.training.goodput.Recovery},
 * {@link org.mosaic.cluster.training.goodput.FailureCauses}); the Llama 3 anchor
 * ({@link org.mosaic.cluster.training.goodput.CampaignDocument}, the campaign documents); checkpoint closed forms and the renewal-reward
 * ETTR ({@link org.mosaic.cluster.training.goodput.Checkpointing}); and the discrete-event Monte Carlo of a campaign
 * with common random numbers per cause ({@link org.mosaic.cluster.training.goodput.CampaignSimulator}). Sources:
 * [llama3-2024], [young-1974], [daly-2006], [nvidia-checkpoint-2024] (docs/sources.md).
 */
package org.mosaic.cluster.training.goodput;
