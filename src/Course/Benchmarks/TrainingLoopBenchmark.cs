using System.Diagnostics;
using HyperLab;
using HyperLab.Data;
using HyperLab.Numerics;
using HyperLab.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Benchmarks;

/// <summary>
/// The speed target of the foundation: the library's training loop against a minimal hand-written
/// TorchSharp loop on the same 784-256-128-10 MLP, full Fashion-MNIST (60,000 images), batch 128,
/// AdamW. Both are timed in the same process, alternating, so machine noise hits both; the result
/// is a ratio. The epoch's arithmetic is also expressed as a fraction of this machine's measured
/// matmul throughput.
/// </summary>
public static class TrainingLoopBenchmark
{
    private static readonly int[] Layers = { 784, 256, 128, 10 };
    private const int BatchSize = 128;

    /// <summary>Runs <paramref name="rounds"/> alternating rounds (one epoch each way) and prints the figures.</summary>
    public static int Run(int rounds, TextWriter log)
    {
        log.WriteLine($"Benchmark: {string.Join("-", Layers)} MLP, Fashion-MNIST 60,000 images, batch {BatchSize}, AdamW 1e-3, {torch.get_num_threads()} torch threads, {rounds} rounds");
        var train = CourseData.FashionMnistTrain();
        var validation = CourseData.FashionMnistTest().Select(Enumerable.Range(0, 1000).ToArray(), "Fashion-MNIST test (first 1,000)");
        var data = new DataSplits(train, validation, null);
        var hp = new Hyperparameters { LearningRate = 1e-3, BatchSize = BatchSize, Epochs = 1, Optimizer = OptimizerKind.AdamW };

        // Warm-up: one short pass of each so that JIT and allocator costs are not timed.
        HandLoop(train, hp, maxBatches: 20);
        LibraryLoop(data, hp, flat: true, maxSteps: 20);
        LibraryLoop(data, hp, flat: false, maxSteps: 20);

        // The library's default lays the parameters in one flat buffer (FitOptions.FlatParameters);
        // the third contestant trains the model's separate tensors, to keep that choice measured.
        var hand = new List<double>();
        var library = new List<double>();
        var separate = new List<double>();
        var contestants = new (List<double> Times, Func<double> Run)[]
        {
            (hand, () => HandLoop(train, hp)),
            (library, () => LibraryLoop(data, hp, flat: true)),
            (separate, () => LibraryLoop(data, hp, flat: false)),
        };
        for (int r = 0; r < rounds; r++)
        {
            // Rotate which loop goes first, so that a slow moment of the machine hits all alike.
            for (int i = 0; i < contestants.Length; i++)
            {
                var (times, run) = contestants[(r + i) % contestants.Length];
                times.Add(run());
            }
            log.WriteLine($"  round {r + 1}: hand loop {hand[^1]:0.000} s/epoch, library {library[^1]:0.000} s/epoch, library with separate tensors {separate[^1]:0.000} s/epoch (flat/separate {library[^1] / separate[^1]:0.000})");
        }
        var ratios = library.Zip(separate, (f, s) => f / s).Order().ToList();

        double handMedian = Median.Of(hand), libraryMedian = Median.Of(library);
        double gflops = MatmulGflops();
        double epochGflop = EpochFlops(train.Count) / 1e9;
        log.WriteLine();
        log.WriteLine($"Median seconds per epoch: hand loop {handMedian:0.000}, library {libraryMedian:0.000}");
        log.WriteLine($"Library overhead: {100 * (libraryMedian / handMedian - 1):+0.0;-0.0} % (target: at most 5 %; the library also validates 1,000 examples per epoch and records per-step loss and accuracy)");
        log.WriteLine($"Flat parameter buffer (the default) against separate tensors (FitOptions.FlatParameters = false, median {Median.Of(separate):0.000} s/epoch): flat/separate per round: median {Median.Of(ratios):0.000}, range {ratios[0]:0.000}-{ratios[^1]:0.000}");
        log.WriteLine($"Matmul throughput (2048×2048 float32): {gflops:0.0} GFLOP/s");
        log.WriteLine($"One epoch is {epochGflop:0.0} GFLOP (forward + backward of the linear layers)");
        log.WriteLine($"Fraction of matmul throughput: hand loop {epochGflop / handMedian / gflops:P0}, library {epochGflop / libraryMedian / gflops:P0}");
        OptimizerStepBenchmark.Run(Batches.PerEpoch(train.Count, BatchSize), rounds, log);
        return 0;
    }

    private static double LibraryLoop(DataSplits data, Hyperparameters hp, bool flat, int? maxSteps = null)
    {
        using var model = NewModel();
        var clock = Stopwatch.StartNew();
        Trainer.Fit(model, hp, data, new FitOptions { FlatParameters = flat, MaxSteps = maxSteps });
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The benchmark's MLP, seeded with 0.</summary>
    internal static nn.Module<Tensor, Tensor> NewModel()
    {
        torch.manual_seed(0);
        return nn.Sequential(
            nn.Linear(Layers[0], Layers[1]), nn.ReLU(),
            nn.Linear(Layers[1], Layers[2]), nn.ReLU(),
            nn.Linear(Layers[2], Layers[3]));
    }

    // The minimal loop: no validation, no records. Data conversion is timed, as in Trainer.Fit.
    private static double HandLoop(Dataset train, Hyperparameters hp, int maxBatches = int.MaxValue)
    {
        using var model = NewModel();
        var clock = Stopwatch.StartNew();
        using var fitScope = NewDisposeScope();
        var (x, y) = train.ToTensors();
        using var optimizer = optim.AdamW(model.parameters(), hp.LearningRate);
        int n = 0;
        foreach (var batch in Batches.ForEpoch(train.Count, hp.BatchSize, hp.Seed, 1))
        {
            if (n++ >= maxBatches) break;
            using var scope = NewDisposeScope();
            var idx = tensor(batch.Select(i => (long)i).ToArray());
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, idx)), y.index_select(0, idx));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static double MatmulGflops(int n = 2048, int repeats = 10)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n);
        var b = randn(n, n);
        a.matmul(b);   // warm-up
        var times = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using var c = a.matmul(b);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / Median.Of(times) / 1e9;
    }

    // Per example, for a linear layer n→m: forward 2nm, weight gradient 2nm, input gradient 2nm (not for the first layer).
    private static double EpochFlops(int examples)
    {
        double perExample = 0;
        for (int i = 0; i + 1 < Layers.Length; i++)
            perExample += (i == 0 ? 4.0 : 6.0) * Layers[i] * Layers[i + 1];
        return perExample * examples;
    }
}
