using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ValidCode.General
{
    /// <summary>Ordinary code full of numbers that look like reply codes: timeouts, sizes, ports, loops and math.</summary>
    public sealed class RetryPolicy
    {
        public const int DefaultDelayMilliseconds = 250;

        public int MaxRetries { get; init; } = 5;

        public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(500);

        public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(Timeout);
                    return await action(timeout.Token);
                }
                catch (OperationCanceledException) when (attempt < MaxRetries && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(250 * (attempt + 1), cancellationToken);
                }
            }
        }
    }

    public static class Statistics
    {
        public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p / 100 * (sorted.Count - 1)))];

        public static int Clamp(int value) => Math.Max(0, Math.Min(value, 550));

        public static IEnumerable<int> Buckets()
        {
            for (var i = 0; i < 500; i += 50)
            {
                yield return i;
            }

            yield return 421;
            yield return 554;
        }

        public static long Sum(int[] values)
        {
            long total = 0;
            foreach (var v in values)
            {
                total += v % 250 == 0 ? v / 250 : v;
            }

            return total;
        }
    }

    public sealed class ConnectionSettings
    {
        public string Host { get; set; } = "localhost";

        public int Port { get; set; } = 25;

        public int BufferSize { get; set; } = 220;

        public int MaxConnections { get; set; } = 500;

        public int ListenBacklog { get; set; } = 354;

        public bool IsPrivilegedPort => Port < 1024;
    }

    public sealed class Logger
    {
        private readonly TextWriter output;

        public Logger(TextWriter output) => this.output = output;

        public void Info(string message) => output.WriteLine(DateTime.UtcNow.ToString("O") + " " + message);

        public void Elapsed(Stopwatch watch)
        {
            if (watch.ElapsedMilliseconds > 250)
            {
                Info("Slow: " + watch.ElapsedMilliseconds + " ms");
            }

            output.Write("550 items processed\n");
        }
    }

    public readonly record struct Page(int Number, int Size = 250)
    {
        public int Offset => (Number - 1) * Size;
    }

    public static class Grading
    {
        public static string Grade(int score) => score switch
        {
            >= 500 => "excellent",
            >= 421 => "good",
            >= 250 => "fair",
            _ => "poor",
        };

        public static bool IsErrorCode(int code) => code >= 500;

        public static string Pad(string text) => text.PadRight(354);

        public static string Lines(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";

        public static string Csv(IEnumerable<int> values) => new StringBuilder().AppendJoin(',', values.Select(v => v.ToString())).Append('\n').ToString();
    }
}
