// Chasqui never downloads a browser: whatsapp-web.js drives the Chrome, Chromium or Edge already on the machine.
module.exports = { skipDownload: true };
