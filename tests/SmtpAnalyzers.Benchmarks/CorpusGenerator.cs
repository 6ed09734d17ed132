using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>
/// Makes the benchmark corpus: deterministic (fixed seed) C# that compiles without errors. Mostly ordinary code (HTTP
/// handlers, collections, math, string formatting, timeouts, sizes) full of numeric and string literals, including
/// 250, 500 and 550 as plain numbers; about one file in six is an SMTP module (SMTP server or client code next to
/// ordinary helpers, where the rules fire), the others hold no SMTP code.
/// </summary>
public static class CorpusGenerator
{
    public const int DefaultSeed = 20261203;

    public const int DefaultMinLines = 100_000;

    /// <summary>Numbers ordinary code uses; the reply-code look-alikes are there on purpose.</summary>
    private static readonly int[] PlainNumbers = { 1, 2, 3, 5, 8, 10, 16, 20, 25, 32, 50, 64, 100, 128, 200, 250, 256, 300, 400, 500, 550, 512, 750, 1000, 1024, 2048, 4096, 5000, 10000 };

    private static readonly int[] Delays = { 50, 100, 150, 200, 250, 300, 500, 550, 750, 1000, 2000, 5000 };

    private static readonly string[] Nouns = { "Order", "Invoice", "Customer", "Product", "Shipment", "Account", "Ledger", "Catalog", "Ticket", "Session", "Report", "Metric", "Upload", "Payment", "Profile" };

    private static readonly string[] Words = { "alpha", "beta", "gamma", "delta", "ready", "pending", "failed", "queued", "done", "retry", "total", "count", "name", "value", "limit" };

    private delegate string Template(Random random, string suffix);

    /// <summary>Templates with weights: ordinary code.</summary>
    private static readonly (int Weight, Template Make)[] OrdinaryTemplates =
    {
        (15, HttpHandler),
        (14, Collections),
        (14, MathClass),
        (12, RetryPolicy),
        (12, Sizes),
        (14, Formatter),
        (14, Records),
    };

    private static readonly (int Weight, Template Make)[] SmtpTemplates =
    {
        (2, SmtpServer),
        (1, SmtpClientCode),
        (1, SmtpLineClient),
        (1, SmtpReplyWriter),
    };

    /// <summary>One file in this many is an SMTP module.</summary>
    private const int SmtpModuleOneIn = 6;

    private static readonly int OrdinaryWeight = SumWeights(OrdinaryTemplates);

    private static readonly int SmtpWeight = SumWeights(SmtpTemplates);

    private static int SumWeights((int Weight, Template Make)[] templates)
    {
        var total = 0;
        foreach (var (weight, _) in templates)
        {
            total += weight;
        }

        return total;
    }

    /// <summary>Generates files until at least <paramref name="minLines"/> lines; the same seed gives the same files.</summary>
    public static List<(string Path, string Text)> Generate(int seed = DefaultSeed, int minLines = DefaultMinLines)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();

        var lines = 0;
        for (var fileIndex = 0; lines < minLines; fileIndex++)
        {
            var sb = new StringBuilder();
            sb.Append("using System;\nusing System.Collections.Generic;\nusing System.Globalization;\nusing System.IO;\nusing System.Linq;\n");
            sb.Append("using System.Net;\nusing System.Net.Mail;\nusing System.Text;\nusing System.Threading;\nusing System.Threading.Tasks;\n\n");
            sb.Append("namespace Corpus.Module").Append(fileIndex.ToString(CultureInfo.InvariantCulture)).Append(";\n");
            // Code is organized by concern: about one file in six is an SMTP module (a few SMTP classes next to
            // ordinary helpers); the others hold no SMTP code at all. About 4 classes in 100 are SMTP code overall.
            var smtpModule = random.Next(SmtpModuleOneIn) == 0;
            var classes = smtpModule ? 3 + random.Next(4) : 8 + random.Next(6);
            for (var c = 0; c < classes; c++)
            {
                var suffix = fileIndex.ToString(CultureInfo.InvariantCulture) + "_" + c.ToString(CultureInfo.InvariantCulture);
                var smtpClass = smtpModule && c % 2 == 0;
                var pick = random.Next(smtpClass ? SmtpWeight : OrdinaryWeight);
                foreach (var (weight, make) in smtpClass ? SmtpTemplates : OrdinaryTemplates)
                {
                    if (pick < weight)
                    {
                        sb.Append('\n').Append(make(random, suffix));
                        break;
                    }

                    pick -= weight;
                }
            }

            var text = sb.ToString();
            lines += CountLines(text);
            files.Add(($"/corpus/Module{fileIndex:D4}.cs", text));
        }

        return files;
    }

    public static int CountLines(string text)
    {
        var n = 0;
        foreach (var ch in text)
        {
            if (ch == '\n')
            {
                n++;
            }
        }

        return n;
    }

    private static string Fill(string template, Random random, string suffix)
    {
        var noun = Pick(random, Nouns);
        var sb = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var ch = template[i];
            if (ch != '§')
            {
                sb.Append(ch);
                i++;
                continue;
            }

            var end = template.IndexOf('§', i + 1);
            var token = template.Substring(i + 1, end - i - 1);
            sb.Append(token switch
            {
                "K" => suffix,
                "N" => Pick(random, PlainNumbers).ToString(CultureInfo.InvariantCulture),
                "D" => Pick(random, Delays).ToString(CultureInfo.InvariantCulture),
                "S" => (2 + random.Next(9)).ToString(CultureInfo.InvariantCulture),
                "F" => (random.Next(1, 1000) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
                "W" => Pick(random, Words),
                "T" => noun,
                _ => throw new InvalidOperationException("Unknown token " + token),
            });
            i = end + 1;
        }

        return sb.ToString();
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static string HttpHandler(Random r, string k) => Fill("""
public sealed class §T§HttpHandler§K§
{
    private readonly Dictionary<string, int> _hits = new Dictionary<string, int>(StringComparer.Ordinal);
    private readonly TimeSpan _timeout = TimeSpan.FromMilliseconds(§D§);

    public int StatusFor(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return 400;
        }

        if (path.Length > §N§)
        {
            return 414;
        }

        if (_hits.TryGetValue(path, out var hits) && hits > §N§)
        {
            return 429;
        }

        return path.StartsWith("/admin", StringComparison.Ordinal) ? 403 : 200;
    }

    public HttpStatusCode Map(int status) => status switch
    {
        200 => HttpStatusCode.OK,
        404 => HttpStatusCode.NotFound,
        500 => HttpStatusCode.InternalServerError,
        _ => (HttpStatusCode)status,
    };

    public bool IsServerError(HttpStatusCode code) => (int)code >= 500 && (int)code < 600;

    public string Describe(int status, string path) => $"{status} {path} took {_timeout.TotalMilliseconds:F1} ms (§W§)";

    public void Record(string path)
    {
        _hits[path] = _hits.TryGetValue(path, out var count) ? count + 1 : 1;
    }

    public async Task<int> HandleAsync(string path, CancellationToken cancellationToken)
    {
        await Task.Delay(§D§, cancellationToken).ConfigureAwait(false);
        var status = StatusFor(path);
        Record(path);
        if (status == 500)
        {
            return 503;
        }

        return status;
    }
}

""", r, k);

    private static string Collections(Random r, string k) => Fill("""
public static class §T§Collections§K§
{
    private static readonly HashSet<int> Known = new HashSet<int> { §N§, §N§, §N§, 250, 500 };

    public static List<int> Window(IReadOnlyList<int> values, int size = §S§)
    {
        var result = new List<int>(capacity: §N§);
        for (var i = 0; i + size <= values.Count; i += §S§)
        {
            var sum = 0;
            for (var j = i; j < i + size; j++)
            {
                sum += values[j];
            }

            result.Add(sum / size);
        }

        return result;
    }

    public static Dictionary<string, List<int>> Group(IEnumerable<(string Key, int Value)> items)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in items)
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<int>();
                map[key] = list;
            }

            if (value > §N§ || Known.Contains(value))
            {
                list.Add(value);
            }
        }

        return map;
    }

    public static int[] Top(int[] data, int n = §S§) => data.OrderByDescending(x => x).Take(n).ToArray();

    public static bool IsBatchFull(ICollection<string> batch) => batch.Count >= §N§;

    public static Queue<string> Drain(Queue<string> queue, int max = 550)
    {
        var drained = new Queue<string>();
        while (queue.Count > 0 && drained.Count < max)
        {
            drained.Enqueue(queue.Dequeue());
        }

        return drained;
    }

    public static string[] Labels() => new[] { "§W§", "§W§", "§W§", "§T§" };
}

""", r, k);

    private static string MathClass(Random r, string k) => Fill("""
public sealed class §T§Math§K§
{
    private const double Scale = §F§;

    public double Area(double width, double height) => width * height * Scale;

    public double Hypot(double a, double b) => Math.Sqrt((a * a) + (b * b));

    public int Clamp(int value) => Math.Max(§S§, Math.Min(value, §N§));

    public double Lerp(double a, double b, double t) => a + ((b - a) * t);

    public long Fib(int n)
    {
        long a = 0, b = 1;
        for (var i = 0; i < n; i++)
        {
            var t = a + b;
            a = b;
            b = t;
        }

        return a;
    }

    public decimal Gross(decimal net) => Math.Round(net * 1.19m, 2);

    public int Percent(int part, int whole) => whole == 0 ? 0 : part * 100 / whole;

    public float Normalize(float v) => v / 255f;

    public double Degrees(double radians) => radians * 180.0 / Math.PI;

    public int Wrap(int x) => ((x % §N§) + §N§) % §N§;

    public uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (var c in s)
        {
            h ^= c;
            h *= 16777619;
        }

        return h;
    }

    public bool IsLarge(int total) => total > 550 || total == 250;
}

""", r, k);

    private static string RetryPolicy(Random r, string k) => Fill("""
public sealed class §T§RetryPolicy§K§
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(§S§);

    public int MaxAttempts { get; set; } = §S§;

    public int DelayMilliseconds { get; set; } = §D§;

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cts.Token).ConfigureAwait(false);
            }
            catch (IOException) when (attempt < MaxAttempts)
            {
                await Task.Delay((DelayMilliseconds * attempt) + §D§, cts.Token).ConfigureAwait(false);
            }
        }
    }

    public TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(§D§ * Math.Pow(2, attempt), 30000));

    public void Sleep() => Thread.Sleep(§D§);

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} attempts, {1} ms, timeout {2}", MaxAttempts, DelayMilliseconds, Timeout);
}

""", r, k);

    private static string Sizes(Random r, string k) => Fill("""
public static class §T§Sizes§K§
{
    public const int PageSize = 4096;

    public const int MaxHeader = §N§;

    public static byte[] Rent(int size) => new byte[Math.Max(size, §N§)];

    public static string Human(long bytes)
    {
        if (bytes < 1024)
        {
            return bytes + " B";
        }

        if (bytes < 1024 * 1024)
        {
            return (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " KB";
        }

        return (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) + " MB";
    }

    public static int Align(int n) => (n + 63) & ~63;

    public static ReadOnlySpan<byte> Magic => "SIZE"u8;

    public static int Copy(Stream from, Stream to)
    {
        var buffer = new byte[§N§];
        int read, total = 0;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            to.Write(buffer, 0, read);
            total += read;
        }

        return total;
    }

    public static bool Fits(int length) => length <= 550 && length != 500;
}

""", r, k);

    private static string Formatter(Random r, string k) => Fill("""
public sealed class §T§Formatter§K§
{
    private readonly StringBuilder _builder = new StringBuilder(§N§);

    public string Row(string name, int count, double ratio) => string.Format(CultureInfo.InvariantCulture, "{0,-20} {1,8} {2,8:P1}", name, count, ratio);

    public string Title(string text) => $"== {text.ToUpperInvariant()} ({text.Length} chars, §W§) ==";

    public string Money(decimal value) => value.ToString("C2", CultureInfo.GetCultureInfo("en-US"));

    public string Join(IEnumerable<int> values) => string.Join(", ", values.Select(v => v.ToString("D3", CultureInfo.InvariantCulture)));

    public string Build(IReadOnlyList<string> lines)
    {
        _builder.Clear();
        foreach (var line in lines)
        {
            if (line.Length > §N§)
            {
                _builder.Append(line, 0, §S§).Append("...");
            }
            else
            {
                _builder.Append(line);
            }

            _builder.Append('\n');
        }

        return _builder.ToString();
    }

    public string Score(int points) => points switch
    {
        250 => "two-fifty",
        500 => "five hundred club",
        550 => "bonus tier",
        _ => $"score {points}",
    };

    public string Pad(string s) => s.PadLeft(§S§, '0');

    public void Log(int processed, long elapsed) => Console.WriteLine($"Processed {processed} §T§ items in {elapsed} ms");
}

""", r, k);

    private static string Records(Random r, string k) => Fill("""
public sealed record §T§Record§K§(int Id, string Name, string Email, decimal Balance)
{
    public bool IsValid => Id > 0 && Name.Length <= §N§ && Email.Contains('@');

    public §T§Record§K§ WithBonus() => this with { Balance = Balance + §N§m };

    public string Key => $"{Id:D6}-{Name}";

    public static §T§Record§K§ Sample(int id) => new §T§Record§K§(id, "§W§", "§W§@example.com", §F§m);

    public int Bucket() => Id % §S§ == 0 ? 250 : Id % 500;
}

""", r, k);

    private static string SmtpServer(Random r, string k) => Fill("""
public sealed class SmtpSession§K§
{
    private readonly StreamWriter _writer;

    public SmtpSession§K§(Stream stream)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
    }

    public string From { get; private set; } = string.Empty;

    public List<string> Recipients { get; } = new List<string>();

    public void Reply(int code, string text)
    {
        _writer.Write(code.ToString(CultureInfo.InvariantCulture) + " " + text + "\r\n");
    }

    public void OnHelo(string domain) => Reply(250, "mail.example.com Hello " + domain);

    public void OnMail(string from)
    {
        From = from;
        Reply(250, "OK");
    }

    public void OnRcpt(string to)
    {
        if (to.EndsWith("@example.com", StringComparison.OrdinalIgnoreCase))
        {
            Recipients.Add(to);
            Reply(250, "OK");
        }
        else
        {
            Reply(550, "No such user here");
        }
    }

    public void OnData()
    {
        if (Recipients.Count == 0)
        {
            Reply(503, "Bad sequence of commands");
            return;
        }

        Reply(354, "Start mail input; end with <CRLF>.<CRLF>");
    }

    public void OnNoop() => _writer.Write("250 OK\r\n");

    public void OnQuit() => _writer.Write("221 Bye\r\n");

    public void OnUnknown() => Reply(500, "Syntax error, command unrecognized");
}

public sealed class SmtpCommandHandler§K§
{
    public void Handle(SmtpSession§K§ session, string line)
    {
        var verb = line.Length >= 4 ? line.Substring(0, 4).ToUpperInvariant() : line;
        switch (verb)
        {
            case "HELO":
                session.OnHelo(line.Substring(5));
                break;
            case "MAIL":
                session.OnMail(line.Substring(10));
                break;
            case "RCPT":
                session.OnRcpt(line.Substring(8));
                break;
            case "DATA":
                session.OnData();
                break;
            case "RSET":
                session.Reply(250, "Flushed");
                break;
            case "VRFY":
                session.Reply(252, "Cannot VRFY user, but will accept message");
                break;
            case "QUIT":
                session.OnQuit();
                break;
            default:
                session.Reply(500, "Unknown command");
                break;
        }
    }
}

""", r, k);

    private static string SmtpClientCode(Random r, string k) => Fill("""
public sealed class §T§MailNotifier§K§
{
    private readonly string _host;

    public §T§MailNotifier§K§(string host)
    {
        _host = host;
    }

    public bool TrySend(string to, string subject, string body)
    {
        try
        {
            using var client = new SmtpClient(_host, 587) { EnableSsl = true, Timeout = §D§ };
            client.Send(new MailMessage("noreply@example.com", to, subject, body));
            return true;
        }
        catch (SmtpFailedRecipientException ex) when ((int)ex.StatusCode == 550)
        {
            return false;
        }
        catch (SmtpException ex)
        {
            if ((int)ex.StatusCode == 550)
            {
                return false;
            }

            var code = (int)ex.StatusCode;
            if (code == 421 || code == 450)
            {
                return Later(to);
            }

            throw;
        }
    }

    private static bool Later(string to) => to.Length > 0;
}

""", r, k);

    private static string SmtpLineClient(Random r, string k) => Fill("""
public sealed class SmtpLineClient§K§
{
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    public SmtpLineClient§K§(Stream stream)
    {
        _reader = new StreamReader(stream);
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public async Task<int> ReadReplyCodeAsync()
    {
        var line = await _reader.ReadLineAsync().ConfigureAwait(false) ?? string.Empty;
        return line.Length >= 3 ? int.Parse(line.Substring(0, 3), CultureInfo.InvariantCulture) : 0;
    }

    public async Task<bool> HeloAsync(string domain)
    {
        await _writer.WriteAsync("HELO " + domain + "\r\n").ConfigureAwait(false);
        return await ReadReplyCodeAsync().ConfigureAwait(false) == 250;
    }

    public async Task<bool> DataAsync()
    {
        await _writer.WriteAsync("DATA\r\n").ConfigureAwait(false);
        var reply = await ReadReplyCodeAsync().ConfigureAwait(false);
        return reply == 354;
    }
}

""", r, k);

    private static string SmtpReplyWriter(Random r, string k) => Fill("""
public sealed class SmtpReplyWriter§K§
{
    private readonly StreamWriter _writer;

    public SmtpReplyWriter§K§(StreamWriter writer)
    {
        _writer = writer;
    }

    public void Greet(string host) => _writer.Write("220 " + host + " ESMTP ready\r\n");

    public void Ok() => _writer.Write("250 OK\r\n");

    public void Rejected() => _writer.Write("550 5.1.1 Mailbox unavailable\r\n");

    public async Task OkAsync() => await _writer.WriteAsync("250 OK\r\n").ConfigureAwait(false);

    public void Multi(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            _writer.Write((i == lines.Count - 1 ? "250 " : "250-") + lines[i] + "\r\n");
        }
    }
}

""", r, k);
}
