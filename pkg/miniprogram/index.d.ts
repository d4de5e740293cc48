// Types of mallcare/miniprogram: `init()` resolves to the same API as the web and Node builds.
import type * as Web from '../web/mallcare.js';

/** The mallcare API: every call of the web build except its loader functions. */
export type MallcareApi = Omit<typeof Web, 'default' | 'initSync'>;

/** The WXWebAssembly-like runtime used to instantiate the wasm. */
export interface MiniProgramWebAssembly {
  instantiate(path: string, imports: object): Promise<{ instance: unknown; module?: unknown } | unknown>;
}

export interface InitOptions {
  /** Package path of `mallcare.wasm.br` (default `/miniprogram_npm/mallcare/mallcare.wasm.br`). */
  path?: string;
  /** Runtime to use instead of WXWebAssembly / TTWebAssembly / MyWebAssembly. */
  webAssembly?: MiniProgramWebAssembly;
}

/** Loads the wasm once (later calls return the same promise) and resolves to the API. */
export function init(options?: InitOptions): Promise<MallcareApi>;
export const DEFAULT_PATH: string;
