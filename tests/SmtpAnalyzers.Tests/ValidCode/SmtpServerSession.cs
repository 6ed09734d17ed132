using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SmtpAnalyzers;

namespace ValidCode.Smtp
{
    /// <summary>A small SMTP server session: every reply through a named constant, every line ended with CRLF.</summary>
    public sealed class SmtpServerSession
    {
        private const int MaxLineLength = 1000;
        private const int MaxMessageSize = 10 * 1024 * 1024;
        private const int MaxRecipients = 100;

        private readonly Stream stream;
        private readonly string domain;
        private readonly List<string> recipients = new List<string>();
        private string? sender;

        public SmtpServerSession(Stream stream, string domain)
        {
            this.stream = stream;
            this.domain = domain;
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await ReplyAsync(SmtpReplyCode.ServiceReady, domain + " ESMTP ready", cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var line = await ReadCommandLineAsync(cancellationToken);
                if (line is null)
                {
                    return;
                }

                var verb = line.Length >= 4 ? line.Substring(0, 4).ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await HandleEhloAsync(cancellationToken);
                        break;
                    case "HELO":
                        await ReplyAsync(SmtpReplyCode.Ok, domain, cancellationToken);
                        break;
                    case "MAIL":
                        await HandleMailAsync(line, cancellationToken);
                        break;
                    case "RCPT":
                        await HandleRcptAsync(line, cancellationToken);
                        break;
                    case "DATA":
                        await HandleDataAsync(cancellationToken);
                        break;
                    case "RSET":
                        sender = null;
                        recipients.Clear();
                        await ReplyAsync(SmtpReplyCode.Ok, "2.0.0 Reset", cancellationToken);
                        break;
                    case "NOOP":
                        await ReplyAsync(SmtpReplyCode.Ok, "2.0.0 OK", cancellationToken);
                        break;
                    case "QUIT":
                        await ReplyAsync(SmtpReplyCode.ServiceClosingTransmissionChannel, "2.0.0 Bye", cancellationToken);
                        return;
                    default:
                        await ReplyAsync(SmtpReplyCode.CommandUnrecognized, "5.5.1 Command unrecognized", cancellationToken);
                        break;
                }
            }
        }

        private async Task HandleEhloAsync(CancellationToken cancellationToken)
        {
            var lines = new[] { domain, "PIPELINING", "8BITMIME", "SIZE " + MaxMessageSize, "ENHANCEDSTATUSCODES" };
            for (var i = 0; i < lines.Length; i++)
            {
                var separator = i == lines.Length - 1 ? ' ' : '-';
                await WriteLineAsync(SmtpReplyCode.Ok.ToString() + separator + lines[i], cancellationToken);
            }
        }

        private async Task HandleMailAsync(string line, CancellationToken cancellationToken)
        {
            if (sender is not null)
            {
                await ReplyAsync(SmtpReplyCode.BadCommandSequence, "5.5.1 Sender already specified", cancellationToken);
                return;
            }

            sender = ExtractPath(line);
            await ReplyAsync(SmtpReplyCode.Ok, "2.1.0 Sender OK", cancellationToken);
        }

        private async Task HandleRcptAsync(string line, CancellationToken cancellationToken)
        {
            if (sender is null)
            {
                await ReplyAsync(SmtpReplyCode.BadCommandSequence, "5.5.1 Need MAIL before RCPT", cancellationToken);
                return;
            }

            if (recipients.Count >= MaxRecipients)
            {
                await ReplyAsync(SmtpReplyCode.InsufficientSystemStorage, "4.5.3 Too many recipients", cancellationToken);
                return;
            }

            var recipient = ExtractPath(line);
            if (recipient.Length == 0)
            {
                await ReplyAsync(SmtpReplyCode.MailboxUnavailable, "5.1.1 Mailbox unavailable", cancellationToken);
                return;
            }

            recipients.Add(recipient);
            await ReplyAsync(SmtpReplyCode.Ok, "2.1.5 Recipient OK", cancellationToken);
        }

        private async Task HandleDataAsync(CancellationToken cancellationToken)
        {
            if (recipients.Count == 0)
            {
                await ReplyAsync(SmtpReplyCode.BadCommandSequence, "5.5.1 Need RCPT before DATA", cancellationToken);
                return;
            }

            await ReplyAsync(SmtpReplyCode.StartMailInput, "End data with <CR><LF>.<CR><LF>", cancellationToken);
            var message = await SmtpDataReader.ReadAsync(stream, MaxMessageSize, cancellationToken);
            if (message is null)
            {
                await ReplyAsync(SmtpReplyCode.ExceededStorageAllocation, "5.3.4 Message too big", cancellationToken);
                return;
            }

            sender = null;
            recipients.Clear();
            await ReplyAsync(SmtpReplyCode.Ok, "2.0.0 Queued", cancellationToken);
        }

        private static string ExtractPath(string line)
        {
            var start = line.IndexOf('<');
            var end = line.IndexOf('>', start + 1);
            return start >= 0 && end > start ? line.Substring(start + 1, end - start - 1) : string.Empty;
        }

        private Task ReplyAsync(int code, string text, CancellationToken cancellationToken) =>
            WriteLineAsync(code.ToString() + " " + text, cancellationToken);

        private async Task WriteLineAsync(string line, CancellationToken cancellationToken)
        {
            var bytes = Encoding.ASCII.GetBytes(line + "\r\n");
            await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken);
        }

        private async Task<string?> ReadCommandLineAsync(CancellationToken cancellationToken)
        {
            var buffer = new MemoryStream();
            var one = new byte[1];
            var previous = -1;
            while (buffer.Length <= MaxLineLength)
            {
                if (await stream.ReadAsync(one, 0, 1, cancellationToken) == 0)
                {
                    return null;
                }

                if (previous == '\r' && one[0] == '\n')
                {
                    return Encoding.ASCII.GetString(buffer.GetBuffer(), 0, (int)buffer.Length - 1);
                }

                buffer.WriteByte(one[0]);
                previous = one[0];
            }

            await ReplyAsync(SmtpReplyCode.CommandUnrecognized, "5.5.6 Line too long", cancellationToken);
            return string.Empty;
        }
    }

    /// <summary>Reads DATA up to CR LF . CR LF only, undoing dot-stuffing.</summary>
    public static class SmtpDataReader
    {
        public static async Task<byte[]?> ReadAsync(Stream stream, int maxSize, CancellationToken cancellationToken)
        {
            var message = new MemoryStream();
            var buffer = new byte[8192];
            var state = 2; // 0 = in a line, 1 = after CR, 2 = at the start of a line, 3 = after CR LF ".", 4 = after CR LF "." CR
            while (true)
            {
                var read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken);
                if (read == 0)
                {
                    throw new IOException("The connection closed during DATA.");
                }

                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    switch (state)
                    {
                        case 2 when b == '.':
                            state = 3;
                            continue;
                        case 3 when b == '\r':
                            state = 4;
                            continue;
                        case 4 when b == '\n':
                            return message.Length > maxSize ? null : message.ToArray();
                        case 4:
                            message.WriteByte((byte)'\r');
                            break;
                    }

                    message.WriteByte(b);
                    state = b == '\r' ? 1 : state == 1 && b == '\n' ? 2 : 0;
                }
            }
        }
    }
}
