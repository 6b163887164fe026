using System.Net;
using System.Net.Sockets;

namespace MentorBot.Tests.Faults;

/// <summary>
/// A TCP relay in front of the test PostgreSQL that a test can cut: every open connection is reset and new ones are
/// closed at once until <see cref="Restore"/>, as when the server is stopped — without stopping the server other tests use.
/// </summary>
public sealed class DatabaseProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string host;
    private readonly int port;
    private readonly HashSet<TcpClient> open = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private bool down;

    /// <summary>Starts relaying from a free local port to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public DatabaseProxy(string host, int port)
    {
        this.host = host;
        this.port = port;
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>The local port to connect to.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Resets every relayed connection and refuses new ones.</summary>
    public void Cut()
    {
        lock (gate)
        {
            down = true;
            foreach (var client in open) Reset(client);
            open.Clear();
        }
    }

    /// <summary>Relays new connections again.</summary>
    public void Restore()
    {
        lock (gate) down = false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        Cut();
        await accepting;
        stop.Dispose();
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        client.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            lock (gate)
            {
                if (down)
                {
                    Reset(client);
                    return;
                }

                open.Add(client);
                open.Add(server);
            }

            await server.ConnectAsync(host, port, stop.Token);
            await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream(), stop.Token), server.GetStream().CopyToAsync(client.GetStream(), stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection was cut or the relay stopped.
        }
        finally
        {
            lock (gate)
            {
                open.Remove(client);
                open.Remove(server);
            }

            Reset(client);
            Reset(server);
        }
    }
}
