/** English texts of connecting a phone over HTTPS (the shop's own certificate); merged into en.ts. */
export const enLanHttps = {
  'lanHttps.firstTime': "First time on this phone: install your shop's certificate",
  'lanHttps.why': 'It is done once on each phone. Then the phone knows it is talking to this computer and no other, and Chasqui can work without wifi and sit on its home screen. It only vouches for this computer: it opens nothing else on the phone.',
  'lanHttps.scanInstall': 'Scan this code with the phone, or open {url}, and follow the steps on its page.',
  'lanHttps.fingerprint': "The certificate's fingerprint (SHA-256): on the phone it must start the same.",
  'lanHttps.howTo': 'How to install it, step by step',
  'lanHttps.android': 'On Android',
  'lanHttps.android1': 'On the code’s page, tap "Download for Android". It is saved in Downloads.',
  'lanHttps.android2': 'Open Settings and search for "certificate" (usually Security › More security settings › Encryption & credentials).',
  'lanHttps.android3': 'Tap "Install a certificate" › "CA certificate" › "Install anyway", confirm with your PIN or fingerprint and pick chasqui-tienda.crt.',
  'lanHttps.iphone': 'On iPhone',
  'lanHttps.iphone1': 'Open the code’s page in Safari, tap "Download for iPhone", then "Allow".',
  'lanHttps.iphone2': 'Open Settings › General › VPN & Device Management, tap "Chasqui - tu tienda" and "Install".',
  'lanHttps.iphone3': 'Open Settings › General › About › Certificate Trust Settings and turn on "Chasqui - tu tienda".',
  'lanHttps.then': 'Then: connect the phone',
  'lanHttps.scanApp': 'Scan this code with the phone (or open {url}) and type the code {code}. Valid 10 minutes, once.',
  'lanHttps.notPrivate': 'If the phone says "Your connection is not private", the certificate is not installed yet: go back to the first step.',
};
