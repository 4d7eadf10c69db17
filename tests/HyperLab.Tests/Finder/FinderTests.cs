using HyperLab.Finder;
using HyperLab.Models;
using HyperLab.Tests.Training;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Tests.Finder;

public class FinderTests
{
    private static readonly Hyperparameters Small = new() { Depth = 2, Width = 32, BatchSize = 32, LearningRate = 1e-2, Dropout = 0.2 };

    [Theory]
    [InlineData(OptimizerKind.AdamW, 0)]
    [InlineData(OptimizerKind.Momentum, 1)]
    [InlineData(OptimizerKind.Adam, 2)]
    public void The_finder_leaves_model_optimizer_and_random_state_exactly_as_they_were(OptimizerKind kind, int seed)
    {
        var data = TinyData.Moons(seed: seed);
        var hp = Small with { Optimizer = kind, Seed = seed };
        using var scope = NewDisposeScope();
        var (x, y) = data.Train.ToTensors();

        // Two identical networks with identical optimizers, trained identically for 5 steps.
        var a = Mlp.Create(2, 2, hp);
        var b = Mlp.Create(2, 2, hp);
        var optA = Optimizers.Create(a.parameters(), hp);
        var optB = Optimizers.Create(b.parameters(), hp);
        manual_seed(11); var lossesA = Train(a, optA, x, y, 5);
        manual_seed(11); var lossesB = Train(b, optB, x, y, 5);
        Assert.Equal(lossesB, lossesA);

        // Snapshot everything of A, run the finder on A, compare.
        manual_seed(99);
        var weights = Bytes(a.state_dict().Values);
        var grads = Bytes(a.parameters().Select(p => p.grad!));
        var optimizerState = Bytes(optA);
        var rng = Bytes([get_rng_state()]);
        var result = LearningRateFinder.Run(a, hp, data);
        Assert.True(result.Steps >= 20, result.ToString());                      // it really trained …
        Assert.NotEqual(result.Losses[0], result.Losses[^1]);
        Assert.Equal(weights, Bytes(a.state_dict().Values));                      // … and put the weights back bit for bit,
        Assert.Equal(grads, Bytes(a.parameters().Select(p => p.grad!)));          // the gradients,
        Assert.Equal(optimizerState, Bytes(optA));                                // never touched the caller's optimizer,
        Assert.Equal(rng, Bytes([get_rng_state()]));                              // and restored the random generator.
        Assert.True(a.training);

        // Training on afterwards gives exactly what it gives without a finder run.
        manual_seed(99); var afterA = Train(a, optA, x, y, 5);
        manual_seed(99); var afterB = Train(b, optB, x, y, 5);
        Assert.Equal(afterB, afterA);
        Assert.Equal(Bytes(b.state_dict().Values), Bytes(a.state_dict().Values));
    }

    [Fact]
    public void The_same_seed_gives_the_same_curve_and_suggestions()
    {
        var data = TinyData.Moons();
        var r1 = LearningRateFinder.Run(Small, data);
        var r2 = LearningRateFinder.Run(Small, data);
        Assert.Equal(r1.Losses, r2.Losses);
        Assert.Equal(r1.Suggestions, r2.Suggestions);
        var r3 = LearningRateFinder.Run(Small with { Seed = 5 }, data);
        Assert.NotEqual(r1.Losses, r3.Losses);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void The_test_costs_at_most_100_steps_and_stops_when_the_loss_explodes(int seed)
    {
        var data = LessonData.Fashion(seed);
        var result = LearningRateFinder.Run(LessonData.Baseline(seed), data);
        Assert.InRange(result.Steps, 30, 100);
        Assert.Equal(Enumerable.Range(0, result.Steps).Select(new FinderSettings().RateAt), result.Rates);
        if (result.Stop == FinderStop.LossExploded)
        {
            double min = result.SmoothedLosses.Take(result.Steps - 1).Min();
            Assert.True(result.SmoothedLosses[^1] > 4 * min);
            Assert.All(result.SmoothedLosses.Take(result.Steps - 1), v => Assert.True(v <= 4 * min + 1e-12));
        }
        else Assert.Equal(100, result.Steps);
        Assert.NotNull(result.Suggestions);
    }

    [Fact]
    public void Spread_runs_one_test_per_seed_and_summarizes_each_suggestion()
    {
        var spread = LearningRateFinder.Spread(Small, TinyData.Moons(), [0, 1, 2]);
        Assert.Equal(3, spread.Runs.Count);
        Assert.Equal(["seed 0", "seed 1", "seed 2"], spread.Runs.Select(r => r.Label));
        Assert.All(spread.All, s => Assert.InRange(s.Median, s.Low, s.High));
        Assert.Equal(spread.Valley.Median, spread.SuggestedRate);
    }

    private static List<float> Train(nn.Module<Tensor, Tensor> model, optim.Optimizer opt, Tensor x, Tensor y, int steps)
    {
        var losses = new List<float>();
        model.train();
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(x), y);
            opt.zero_grad();
            loss.backward();
            opt.step();
            losses.Add(loss.item<float>());
        }
        return losses;
    }

    private static byte[] Bytes(IEnumerable<Tensor> tensors)
    {
        using var stream = new MemoryStream();
        foreach (var t in tensors) { var c = t.detach().cpu().contiguous(); stream.Write(c.bytes); }
        return stream.ToArray();
    }

    private static byte[] Bytes(optim.Optimizer optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);
        return stream.ToArray();
    }
}
