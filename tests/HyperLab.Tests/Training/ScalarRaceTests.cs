using System.Diagnostics;
using HyperLab.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperLab.Tests.Training;

/// <summary>
/// The training step under garbage-collection pressure (docs/platform.md#p7-torchsharps-optimizers-race-the-garbage-collector): a background thread
/// forces collections back to back while steps run. TorchSharp's own optimizers fail this way within
/// a few thousand steps (measured with <c>course bench race</c>, which provokes it on purpose; that
/// run is not a unit test because a freed native scalar may also crash the process instead of
/// throwing). The course's optimizers and <see cref="TrainStep"/> hold every <see cref="Scalar"/>, so
/// they must survive many more steps than TorchSharp's needed to fail.
/// </summary>
public class ScalarRaceTests
{
    private const int Steps = 4000;

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdamW)]
    public void The_optimizer_step_survives_collections_forced_from_another_thread(OptimizerKind kind)
    {
        using var model = RaceFreeOptimizerTests.Model(0);
        using var optimizer = Optimizers.Create(model.parameters(), RaceFreeOptimizerTests.Hp(kind, 1e-4) with { LearningRate = 1e-4 });
        using (no_grad())
            foreach (var p in model.parameters()) p.grad = randn_like(p).mul_(1e-3).DetachFromDisposeScope();
        int collections = UnderGcPressure(() => { for (int i = 0; i < Steps; i++) optimizer.step(); });
        Assert.True(collections > 10, $"only {collections} forced collections ran during the steps: the test did not put the step under pressure");
    }

    [Fact]
    public void The_whole_training_step_survives_collections_forced_from_another_thread()
    {
        // L1 penalty and augmentation (noise, shift) on, so their Scalars are under pressure too.
        using var scope = NewDisposeScope();
        using var model = new HyperLab.Models.Mlp(4, 3, new Hyperparameters { Width = 8, Depth = 2, Residual = true, Seed = 0 });
        var generator = new torch.Generator(3);
        var x = randn(256, 4, generator: generator);
        var y = randint(0, 3, [256], generator: generator);
        var hp = new Hyperparameters { Optimizer = OptimizerKind.Momentum, LearningRate = 1e-3, WeightDecay = 1e-4 };
        using var flat = FlatParameters.Bind(model);
        using var optimizer = Optimizers.Create([flat!.Values], hp);
        var augmentation = new Augmentation(MaxShift: 1, Noise: 0.05);
        var random = new Random(0);
        var step = new TrainStep(model, optimizer, x, y, l1: 1e-5, augment: b => augmentation.Apply(b, [1, 2, 2], random));
        var rows = Enumerable.Range(0, 32).ToArray();
        int collections = UnderGcPressure(() => { for (int i = 0; i < Steps / 2; i++) step.Take(rows); });
        Assert.True(collections > 10, $"only {collections} forced collections ran during the steps");
    }

    /// <summary>Runs <paramref name="work"/> while another thread forces collections and runs finalizers
    /// in a loop; returns how many collections ran.</summary>
    internal static int UnderGcPressure(Action work)
    {
        using var stop = new CancellationTokenSource();
        int collections = 0;
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref collections);
            }
        })
        { IsBackground = true };
        collector.Start();
        try { work(); }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
        return collections;
    }
}
