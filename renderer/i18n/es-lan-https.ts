/** Spanish texts of connecting a phone over HTTPS (the shop's own certificate); merged into es.ts. */
export const esLanHttps = {
  'lanHttps.firstTime': 'Primera vez en este celular: instala el certificado de tu tienda',
  'lanHttps.why': 'Se hace una sola vez en cada celular. Así el celular sabe que habla con esta computadora y con ninguna otra, y Chasqui puede funcionar sin wifi y quedar en su pantalla de inicio. Solo sirve para esta computadora: no abre nada más del celular.',
  'lanHttps.scanInstall': 'Escanea este código con el celular, o abre {url}, y sigue los pasos de su página.',
  'lanHttps.fingerprint': 'Huella del certificado (SHA-256): en el celular debe empezar igual.',
  'lanHttps.howTo': 'Cómo instalarlo, paso a paso',
  'lanHttps.android': 'En Android',
  'lanHttps.android1': 'En la página del código, toca «Descargar para Android». Se guarda en Descargas.',
  'lanHttps.android2': 'Abre Ajustes y busca «certificado» (suele estar en Seguridad › Más ajustes de seguridad › Encriptación y credenciales).',
  'lanHttps.android3': 'Toca «Instalar un certificado» › «Certificado de CA» › «Instalar de todas formas», confirma con tu PIN o huella y elige chasqui-tienda.crt.',
  'lanHttps.iphone': 'En iPhone',
  'lanHttps.iphone1': 'Abre la página del código en Safari, toca «Descargar para iPhone» y luego «Permitir».',
  'lanHttps.iphone2': 'Abre Ajustes › General › VPN y gestión de dispositivos, toca «Chasqui - tu tienda» e «Instalar».',
  'lanHttps.iphone3': 'Abre Ajustes › General › Información › Ajustes de confianza de certificados y activa «Chasqui - tu tienda».',
  'lanHttps.then': 'Después: conecta el celular',
  'lanHttps.scanApp': 'Escanea este código con el celular (o abre {url}) y escribe el código {code}. Vale 10 minutos, una sola vez.',
  'lanHttps.notPrivate': 'Si el celular dice «La conexión no es privada», falta instalar el certificado: vuelve al primer paso.',
};
