package org.mosaic.cluster.training;

/**
 * The hardware a job runs on, as the step model sees it.
 *
 * @param name    label (e.g. "h100-16k today")
 * @param gpu     the accelerator
 * @param kernels its kernel cost model
 * @param gpus    GPUs in the job
 * @param network what each communicator sees
 */
public record TrainingSystem(String name, GpuSpec gpu, KernelCosts kernels, long gpus, GroupNetwork network) {
    public TrainingSystem {
        if (gpu == null || kernels == null || network == null) {
            throw new IllegalArgumentException("a GPU, its kernel costs and a network are required");
        }
        if (gpus < 1) {
            throw new IllegalArgumentException("GPUs " + gpus + " — expected at least 1");
        }
        name = name == null ? gpu.name() + " x " + gpus : name;
    }
}
