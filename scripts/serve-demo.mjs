// Serves the built demo (www/dist) on 127.0.0.1 and prints its URL.
import { serve } from '../tests/js/serve.mjs';
const port = Number(process.argv[2] || 8080);
const { url } = await serve(new URL('../www/dist', import.meta.url).pathname, port);
console.log(`mallcare demo: ${url}`);
