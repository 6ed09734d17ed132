using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpSample;

/// <summary>The server side of one SMTP conversation (RFC 5321): a verb switch over the client's commands.</summary>
internal sealed class SmtpSession
{
    private const long MaxMessageSize = 10 * 1024 * 1024;
    private const int MaxLineLength = 64 * 1024;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5); // RFC 5321 4.5.3.2.7

    private readonly StreamReader reader;
    private readonly StreamWriter writer;
    private readonly string serverName;
    private readonly string mailDirectory;
    private readonly char[] buffer = new char[4096];
    private readonly List<string> recipients = new();
    private int bufferStart;
    private int bufferEnd;
    private string? clientName;
    private string? sender;

    public SmtpSession(Stream stream, string serverName, string mailDirectory)
    {
        // Latin-1 maps every byte to one char and back, so 8-bit message bodies are saved unchanged.
        reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 1024);
        writer = new StreamWriter(stream, Encoding.Latin1, bufferSize: 1024) { NewLine = "\r\n" };
        this.serverName = serverName;
        this.mailDirectory = mailDirectory;
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        writer.Write($"220 {serverName} ESMTP SmtpSample ready\r\n");
        while (true)
        {
            await writer.FlushAsync(stopping);
            string? line;
            try
            {
                line = await ReadLineAsync(stopping);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // The client said nothing for CommandTimeout.
                Reply(221, $"{serverName} Timeout, closing connection");
                await writer.FlushAsync(CancellationToken.None);
                return;
            }
            catch (OperationCanceledException)
            {
                Reply(421, $"{serverName} Service shutting down");
                await writer.FlushAsync(CancellationToken.None);
                return;
            }

            if (line is null || !await HandleAsync(line, stopping))
            {
                await writer.FlushAsync(CancellationToken.None);
                return;
            }
        }
    }

    /// <summary>Writes a reply; a text with several lines becomes a multiline reply ("250-...", "250 ...").</summary>
    public void Reply(int code, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            writer.WriteLine($"{code}{(i < lines.Length - 1 ? '-' : ' ')}{lines[i]}");
        }
    }

    private async Task<bool> HandleAsync(string line, CancellationToken stopping)
    {
        var space = line.IndexOf(' ');
        var verb = (space < 0 ? line : line.Substring(0, space)).ToUpperInvariant();
        var argument = space < 0 ? string.Empty : line.Substring(space + 1).Trim();
        switch (verb)
        {
            case "EHLO":
            case "HELO":
                if (argument.Length == 0)
                {
                    Reply(501, $"Syntax: {verb} hostname");
                    break;
                }

                clientName = argument;
                ResetTransaction();
                if (verb == "HELO")
                {
                    Reply(250, $"{serverName} greets {argument}");
                    break;
                }

                // The EHLO reply: one line per extension, "250-" on every line but the last (RFC 5321 4.1.1.1).
                writer.Write($"250-{serverName} greets {argument}\r\n");
                writer.Write("250-8BITMIME\r\n");
                writer.Write("250-SIZE " + MaxMessageSize + "\r\n");
                writer.Write("250 HELP\r\n");
                break;
            case "MAIL":
                if (clientName is null)
                {
                    Reply(503, "Send EHLO or HELO first");
                }
                else if (sender is not null)
                {
                    Reply(503, "Nested MAIL command");
                }
                else if (ParsePath(argument, "FROM:") is { } from)
                {
                    sender = from;
                    writer.Write("250 OK\r\n");
                }
                else
                {
                    Reply(501, "Syntax: MAIL FROM:<address>");
                }

                break;
            case "RCPT":
                if (sender is null)
                {
                    Reply(503, "Need MAIL before RCPT");
                }
                else if (ParsePath(argument, "TO:") is not { Length: > 0 } to)
                {
                    Reply(501, "Syntax: RCPT TO:<address>");
                }
                else if (recipients.Count >= 500)
                {
                    writer.Write("452 5.5.3 Too many recipients\r\n");
                }
                else
                {
                    recipients.Add(to);
                    Reply(250, "OK");
                }

                break;
            case "DATA":
                if (recipients.Count == 0)
                {
                    Reply(503, sender is null ? "Need MAIL command" : "Need RCPT command");
                    break;
                }

                await ReceiveDataAsync(stopping);
                break;
            case "RSET":
                ResetTransaction();
                Reply(250, "OK");
                break;
            case "NOOP":
                writer.Write("250 OK\r\n");
                break;
            case "VRFY":
                Reply(252, "Cannot VRFY user, but will accept message and attempt delivery");
                break;
            case "HELP":
                writer.Write("214 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT\n");
                break;
            case "QUIT":
                Reply(221, $"{serverName} Service closing transmission channel");
                return false;
            default:
                writer.Write("502 Command not implemented\r\n");
                break;
        }

        return true;
    }

    private async Task ReceiveDataAsync(CancellationToken stopping)
    {
        Reply(354, "Start mail input; end with <CRLF>.<CRLF>");
        await writer.FlushAsync(stopping);
        var message = new StringBuilder();
        var tooBig = false;
        while (true)
        {
            var line = await ReadLineAsync(stopping) ?? throw new IOException("Connection closed during DATA");
            if (line == ".")
            {
                break;
            }

            // Dot-unstuffing (RFC 5321 4.5.2): the client doubled every leading dot.
            if (line.StartsWith('.'))
            {
                line = line.Substring(1);
            }

            tooBig |= message.Length + line.Length > MaxMessageSize;
            if (!tooBig)
            {
                message.Append(line).Append("\r\n");
            }
        }

        int replyCode;
        string text;
        if (tooBig)
        {
            replyCode = 552;
            text = "Message exceeds fixed maximum message size";
        }
        else
        {
            try
            {
                var id = await SaveAsync(message.ToString(), stopping);
                replyCode = 250;
                text = $"OK: queued as {id}";
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"Could not save message: {ex.Message}");
                ResetTransaction();
                ReplyTemporaryFailure(ex);
                return;
            }
        }

        ResetTransaction();
        Reply(replyCode, text);
    }

    /// <summary>The message could not be saved: the client should try again later.</summary>
    private void ReplyTemporaryFailure(IOException error)
    {
        // ENOSPC on Unix, ERROR_DISK_FULL on Windows.
        if (error.HResult == 28 || error.HResult == unchecked((int)0x80070070))
        {
            Reply(452, "Insufficient system storage");
        }
        else
        {
            writer.Write("554 Local error in processing, try again later\r\n");
        }
    }

    private async Task<string> SaveAsync(string message, CancellationToken stopping)
    {
        var id = Guid.NewGuid().ToString("N").Substring(0, 12);
        var date = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
        var forClause = recipients.Count == 1 ? $" for <{recipients[0]}>" : string.Empty;
        var trace = $"Return-Path: <{sender}>\r\nReceived: from {clientName} by {serverName} with ESMTP id {id}{forClause}; {date}\r\n";
        Directory.CreateDirectory(mailDirectory);
        var path = Path.Combine(mailDirectory, $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{id}.eml");
        await File.WriteAllTextAsync(path + ".tmp", trace + message, Encoding.Latin1, stopping);
        File.Move(path + ".tmp", path);
        Console.WriteLine($"Saved message {id} from <{sender}> for {recipients.Count} recipient(s) to {path}");
        return id;
    }

    /// <summary>
    /// The DATA reader of the first version of this server, no longer called: ReadLineAsync below replaced it, because
    /// TextReader.ReadLine also ends a line at a bare LF, so "\n.\n" in a message would end the data early (SMTP smuggling).
    /// </summary>
    private static async Task<string> ReadDataWithReadLineAsync(TextReader data)
    {
        var message = new StringBuilder();
        string? line;
        while ((line = await data.ReadLineAsync()) != ".")
        {
            message.Append(line).Append("\r\n");
        }

        return message.ToString();
    }

    private void ResetTransaction()
    {
        sender = null;
        recipients.Clear();
    }

    /// <summary>"FROM:&lt;a@b&gt; SIZE=123" gives "a@b" ("" for the null path &lt;&gt;); null when malformed.</summary>
    private static string? ParsePath(string argument, string prefix)
    {
        if (!argument.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = argument.Substring(prefix.Length).TrimStart();
        var end = path.IndexOf('>');
        return path.StartsWith('<') && end > 0 ? path.Substring(1, end - 1) : null;
    }

    /// <summary>
    /// Reads one line ended by CRLF (RFC 5321 2.3.8). A bare CR or LF is data, never a line end, so "\n.\n" cannot end DATA
    /// early (SMTP smuggling). Null when the client hangs up.
    /// </summary>
    private async Task<string?> ReadLineAsync(CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(CommandTimeout);
        var line = new StringBuilder();
        while (true)
        {
            if (bufferStart == bufferEnd)
            {
                bufferStart = 0;
                bufferEnd = await reader.ReadAsync(buffer.AsMemory(), timeout.Token);
                if (bufferEnd == 0)
                {
                    return null;
                }
            }

            var c = buffer[bufferStart++];
            if (c == '\n' && line.Length > 0 && line[line.Length - 1] == '\r')
            {
                return line.ToString(0, line.Length - 1);
            }

            if (line.Length == MaxLineLength)
            {
                throw new IOException("Line too long");
            }

            line.Append(c);
        }
    }
}
