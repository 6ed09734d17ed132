using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace SmtpAnalyzers.PackageTests.Infrastructure;

/// <summary>The built sample's server (<c>SmtpSample serve 0 MAILDIR</c>) as a child process; killed on dispose if still running.</summary>
public sealed class SampleServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly ManualResetEventSlim outputClosed = new();

    public SampleServer(string sampleAssembly, string mailDirectory)
    {
        process = new Process { StartInfo = DotNet.CreateStartInfo(Path.GetDirectoryName(sampleAssembly)!, null, new[] { sampleAssembly, "serve", "0", mailDirectory }) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (Port == 0)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                Dispose();
                throw new InvalidOperationException("The sample server did not start:\n" + Output);
            }

            Thread.Sleep(50);
        }
    }

    public int Port
    {
        get
        {
            var match = Regex.Match(Output, @"listening on 127\.0\.0\.1:(\d+)");
            return match.Success ? int.Parse(match.Groups[1].Value) : 0;
        }
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Closes the server's standard input, which stops it; returns its exit code (null if it did not stop in time).</summary>
    public int? StopByClosingStandardInput(TimeSpan timeout)
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            return null;
        }

        outputClosed.Wait(TimeSpan.FromSeconds(10));
        return process.ExitCode;
    }

    public void Dispose()
    {
        DotNet.Kill(process);
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            outputClosed.Set();
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}

/// <summary>A raw SMTP client for tests: sends lines, reads replies (multiline ones joined), checks the codes.</summary>
public sealed class SmtpTestClient : IDisposable
{
    private readonly TcpClient client;
    private readonly NetworkStream stream;
    private readonly StreamReader reader;

    public SmtpTestClient(int port)
    {
        client = new TcpClient();
        client.ReceiveTimeout = 30_000;
        client.SendTimeout = 30_000;
        client.Connect("127.0.0.1", port);
        stream = client.GetStream();
        reader = new StreamReader(stream, Encoding.Latin1);
    }

    /// <summary>Reads one reply; returns its lines as sent (with their codes).</summary>
    public IReadOnlyList<string> ReadReply()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = reader.ReadLine() ?? throw new IOException("Connection closed; reply so far: " + string.Join(" | ", lines));
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return lines;
            }
        }
    }

    /// <summary>Sends raw text (CRLF and all) and reads one reply.</summary>
    public IReadOnlyList<string> SendRaw(string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
        return ReadReply();
    }

    /// <summary>Sends a command and returns the last line of its reply.</summary>
    public string Send(string command) => SendRaw(command + "\r\n")[^1];

    /// <summary>True once the server has closed the connection.</summary>
    public bool IsClosedByServer() => reader.ReadLine() is null;

    public void Dispose() => client.Dispose();
}
