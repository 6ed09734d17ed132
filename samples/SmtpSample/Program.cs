using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpSample;

internal static class Program
{
    private const string Usage = @"Usage:
  SmtpSample serve PORT MAILDIR               SMTP server on 127.0.0.1 (PORT 0 picks a free port); saves messages to MAILDIR.
                                              Stops on Ctrl-C, SIGTERM or when standard input is closed.
  SmtpSample send PORT FROM TO SUBJECT BODY   Sends one message to the server on 127.0.0.1:PORT.";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "serve" && int.TryParse(args[1], out var port))
        {
            return await ServeAsync(port, args[2]);
        }

        if (args.Length == 6 && args[0] == "send" && int.TryParse(args[1], out port))
        {
            return await SendAsync(port, args[2], args[3], args[4], args[5]);
        }

        Console.Error.WriteLine(Usage);
        return 2;
    }

    private static async Task<int> ServeAsync(int port, string mailDirectory)
    {
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopping.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        _ = Task.Run(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }

            stopping.Cancel();
        });

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Console.WriteLine($"SmtpSample listening on 127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}, saving mail to {Path.GetFullPath(mailDirectory)}");
        var sessions = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                sessions.RemoveAll(session => session.IsCompleted);
                sessions.Add(Task.Run(() => ServeClientAsync(client, mailDirectory, stopping.Token)));
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            listener.Stop();
        }

        await Task.WhenAll(sessions);
        Console.WriteLine("SmtpSample stopped.");
        return 0;
    }

    private static async Task ServeClientAsync(TcpClient client, string mailDirectory, CancellationToken stopping)
    {
        using (client)
        {
            try
            {
                await new SmtpSession(client.GetStream(), "smtpsample.localhost", mailDirectory).RunAsync(stopping);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                Console.Error.WriteLine($"Session ended: {ex.Message}");
            }
        }
    }

    private static async Task<int> SendAsync(int port, string from, string to, string subject, string body)
    {
        var date = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
        var message = string.Join(
            "\r\n",
            $"From: <{from}>",
            $"To: <{to}>",
            $"Subject: {subject}",
            $"Date: {date}",
            $"Message-ID: <{Guid.NewGuid():N}@smtpsample.localhost>",
            string.Empty,
            body.Replace("\r\n", "\n").Replace("\n", "\r\n"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var sender = await SmtpMailSender.ConnectAsync("127.0.0.1", port, timeout.Token);
                await sender.SendAsync(from, new[] { to }, message, timeout.Token);
                await sender.QuitAsync(timeout.Token);
                Console.WriteLine($"Sent to <{to}>.");
                return 0;
            }
            catch (SmtpException ex) when (attempt < 3 && (ex.StatusCode == (SmtpStatusCode)421 || (int)ex.StatusCode == 451))
            {
                // A transient failure (4yz): wait a little and try again.
                await Task.Delay(250, timeout.Token);
            }
            catch (SmtpException ex)
            {
                switch ((int)ex.StatusCode)
                {
                    case 550:
                    case 553:
                        Console.Error.WriteLine($"Mailbox rejected: {ex.Message}");
                        break;
                    case 552:
                        Console.Error.WriteLine($"Message too big: {ex.Message}");
                        break;
                    default:
                        Console.Error.WriteLine($"Delivery failed ({(int)ex.StatusCode}, HTTP {(int)HttpStatusMapping.ForSmtpFailure(ex)}): {ex.Message}");
                        break;
                }

                return ExitCodeFor(ex.StatusCode);
            }
        }
    }

    /// <summary>sysexits.h: EX_TEMPFAIL (75) for "try again later", EX_NOUSER (67) for unknown mailboxes.</summary>
    private static int ExitCodeFor(SmtpStatusCode status) => (int)status switch
    {
        421 or 450 or 451 or 452 => 75,
        550 or 551 or 553 => 67,
        _ => 1,
    };
}

/// <summary>What a web front end answers when delivery fails: HTTP status codes, not SMTP ones.</summary>
internal static class HttpStatusMapping
{
    public static HttpStatusCode ForSmtpFailure(SmtpException ex) =>
        (int)ex.StatusCode >= 500 ? HttpStatusCode.BadGateway : (HttpStatusCode)503;
}
