import { libraryConfig } from '../../scripts/vite-library.mjs';

export default libraryConfig(import.meta.url, { external: [/^livekit-client(\/|$)/] });
