using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SmtpAnalyzers;

namespace ValidCode.Smtp
{
    /// <summary>The parts of an SMTP server that are not the protocol: logs, limits, timers, statistics.</summary>
    public sealed class SmtpServerHousekeeping
    {
        private readonly TextWriter log;
        private readonly Dictionary<int, int> repliesByCode = new Dictionary<int, int>();
        private int connections;

        public SmtpServerHousekeeping(TextWriter log) => this.log = log;

        public int MaxConnections { get; set; } = 250;

        public int Port { get; set; } = 25;

        public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(300);

        public byte[] CreateBuffer() => new byte[512];

        public void Started() => Console.Write("SMTP server listening on port " + Port + "\n");

        public void Log(string message) => log.Write(DateTime.UtcNow.ToString("O") + " " + message + "\n");

        public void Count(int code)
        {
            repliesByCode.TryGetValue(code, out var count);
            repliesByCode[code] = count + 1;
            if (code >= 500)
            {
                Log("permanent failure " + code);
            }
        }

        public string Report()
        {
            var sb = new StringBuilder();
            foreach (var pair in repliesByCode)
            {
                sb.Append(pair.Key).Append(": ").Append(pair.Value).Append('\n');
            }

            return sb.ToString();
        }

        public int Ok => repliesByCode.TryGetValue(SmtpReplyCode.Ok, out var n) ? n : 0;

        public async Task<bool> AcceptAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref connections) > MaxConnections)
            {
                Interlocked.Decrement(ref connections);
                await Task.Delay(250, cancellationToken);
                return false;
            }

            return true;
        }

        public void Closed() => Interlocked.Decrement(ref connections);

        public static string FormatSize(long bytes) => bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";

        public static IEnumerable<string> SplitHeaders(string headers) => headers.Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>An SMTP client reading replies from a server, comparing by name and by class.</summary>
    public sealed class SmtpReplyReader
    {
        private readonly TextReader reader;

        public SmtpReplyReader(TextReader reader) => this.reader = reader;

        public async Task<SmtpReply> ReadAsync()
        {
            var text = new StringBuilder();
            while (true)
            {
                var line = await reader.ReadLineAsync() ?? throw new IOException("Connection closed");
                var reply = SmtpReply.Parse(line);
                text.Append(reply.Text).Append('\n');
                if (line.Length < 4 || line[3] != '-')
                {
                    return new SmtpReply(reply.Code, text.ToString().TrimEnd('\n'));
                }
            }
        }

        public async Task ExpectGreetingAsync()
        {
            var reply = await ReadAsync();
            if (reply.Code != SmtpReplyCode.ServiceReady)
            {
                throw new IOException("Unexpected greeting: " + reply);
            }
        }
    }
}
