using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpSample;

/// <summary>One SMTP reply: its three-digit code and its text (the lines of a multiline reply joined by '\n').</summary>
internal sealed record SmtpReply(int Code, string Text)
{
    public override string ToString() => $"{Code} {Text}";
}

/// <summary>A minimal SMTP client (RFC 5321): sends one message and checks every reply code.</summary>
internal sealed class SmtpMailSender : IDisposable
{
    private readonly TcpClient client;
    private readonly StreamReader reader;
    private readonly StreamWriter writer;

    private SmtpMailSender(TcpClient client)
    {
        this.client = client;
        var stream = client.GetStream();
        reader = new StreamReader(stream, Encoding.Latin1);
        writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
    }

    public static async Task<SmtpMailSender> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
            var sender = new SmtpMailSender(client);

            // The greeting may span several lines ("220-..."); its last line starts with "220 ".
            var greeting = await sender.reader.ReadLineAsync(cancellationToken);
            while (greeting is { Length: > 3 } && greeting[3] == '-')
            {
                greeting = await sender.reader.ReadLineAsync(cancellationToken);
            }

            if (greeting is null || !greeting.StartsWith("220 ", StringComparison.Ordinal))
            {
                throw new SmtpException(SmtpStatusCode.ServiceNotAvailable, "Unexpected greeting: " + greeting);
            }

            return sender;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task SendAsync(string from, IReadOnlyList<string> recipients, string message, CancellationToken cancellationToken)
    {
        var ehlo = await CommandAsync("EHLO localhost", cancellationToken);
        if (ehlo.Code == 500 || ehlo.Code == 502)
        {
            // An old server without ESMTP (RFC 5321 3.2).
            await ExpectAsync("HELO localhost", 220, cancellationToken);
        }
        else if (ehlo.Code != 250)
        {
            throw Fail(ehlo);
        }

        await ExpectAsync($"MAIL FROM:<{from}>", 250, cancellationToken);
        var accepted = 0;
        foreach (var recipient in recipients)
        {
            var reply = await CommandAsync($"RCPT TO:<{recipient}>", cancellationToken);
            if (reply.Code == 250 || reply.Code == 251)
            {
                accepted++;
            }
            else if (reply.Code >= 500)
            {
                Console.Error.WriteLine($"Recipient <{recipient}> rejected: {reply}");
            }
            else
            {
                throw Fail(reply);
            }
        }

        if (accepted == 0)
        {
            await ExpectAsync("RSET", 250, cancellationToken);
            throw new SmtpException((SmtpStatusCode)550, "No recipient was accepted");
        }

        // The reply to DATA is one line: "354 Start mail input".
        await writer.WriteLineAsync("DATA".AsMemory(), cancellationToken);
        var line = await reader.ReadLineAsync(cancellationToken);
        if (line is null || !line.StartsWith("354", StringComparison.Ordinal))
        {
            throw new SmtpException(SmtpStatusCode.TransactionFailed, "DATA refused: " + line);
        }

        foreach (var bodyLine in message.Split("\r\n"))
        {
            // Dot-stuffing (RFC 5321 4.5.2): a line that starts with a dot gets one more.
            await writer.WriteLineAsync(bodyLine.StartsWith('.') ? "." + bodyLine : bodyLine);
        }

        await ExpectAsync(".", 250, cancellationToken);
    }

    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        var reply = await CommandAsync("QUIT", cancellationToken);
        if (reply.Code != 221)
        {
            throw Fail(reply);
        }
    }

    public void Dispose() => client.Dispose();

    private async Task ExpectAsync(string command, int expectedCode, CancellationToken cancellationToken)
    {
        var reply = await CommandAsync(command, cancellationToken);
        if (reply.Code != expectedCode)
        {
            throw Fail(reply);
        }
    }

    private async Task<SmtpReply> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(command.AsMemory(), cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    /// <summary>Reads "250-first line" ... "250 last line" (RFC 5321 4.2.1).</summary>
    private async Task<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return new SmtpReply(421, "Connection closed by the server");
            }

            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code))
            {
                throw new SmtpException("Malformed reply: " + line);
            }

            text.Append(line.Length > 4 ? line.Substring(4) : string.Empty);
            if (line.Length == 3 || line[3] != '-')
            {
                return new SmtpReply(code, text.ToString());
            }

            text.Append('\n');
        }
    }

    private static SmtpException Fail(SmtpReply reply) => new((SmtpStatusCode)reply.Code, reply.Text);
}
