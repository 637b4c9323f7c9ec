// class-transformer keeps the metadata of @Type in a module its package declares types for
// under another path; this names the one the runtime loads.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
