// Starts the telegram-test-api emulator on 127.0.0.1:PORT and prints "ready" when it listens.
const TelegramServer = require('telegram-test-api');
const port = Number(process.argv[2]);
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
server.start().then(() => console.log('ready'));
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
