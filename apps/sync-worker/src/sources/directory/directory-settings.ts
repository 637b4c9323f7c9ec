import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IntSetting } from '../settings-rules';
import { TARGET_NAME, TARGET_NAME_MESSAGE } from '../source-targets';
import { DEFAULT_EXTENSIONS } from './file-type';

/** Largest file a folder source reads; bigger ones are skipped with a warning. */
export const MAX_FILE_BYTES_LIMIT = 16 * 1024 * 1024;
export const MAX_GLOBS = 64;

/** What a `directory` source reads of its folder. */
export class DirectoryOptions {
  /** Globs over paths relative to `path` (`**` spans folders); default every file. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_GLOBS, { message: `include must hold at most ${MAX_GLOBS} globs` })
  @IsString({ each: true, message: 'include must be a list of globs' })
  include: string[] = ['**/*'];

  /** Globs of paths never read; default dependency and VCS folders. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_GLOBS, { message: `exclude must hold at most ${MAX_GLOBS} globs` })
  @IsString({ each: true, message: 'exclude must be a list of globs' })
  exclude: string[] = ['**/node_modules/**', '**/.git/**', '**/dist/**'];

  /** Extensions read (without the dot); default text, markdown and common code files. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(256, { message: 'extensions must hold at most 256 extensions' })
  @Matches(/^[a-zA-Z0-9]{1,16}$/, { each: true, message: 'extensions must be like "md" or "ts"' })
  extensions: string[] = DEFAULT_EXTENSIONS;

  @IntSetting(1, MAX_FILE_BYTES_LIMIT)
  max_file_bytes = 1024 * 1024;
}

/** A `directory` source as the API takes it: a folder the operator declared, or one below it. */
export class DirectorySourceSettings extends DirectoryOptions {
  @Matches(TARGET_NAME, { message: `directory ${TARGET_NAME_MESSAGE}` })
  directory!: string;

  /** A folder inside `directory`, relative to it (no `..`); default the whole directory. */
  @IsOptional()
  @IsString({ message: 'path must be a relative folder path inside the directory' })
  @MaxLength(4096)
  path?: string;
}

/** A `directory` source as it runs: the real folder it watches, inside its declared root. */
export class DirectorySettings extends DirectoryOptions {
  /** The folder to watch: an absolute path. */
  @IsString({ message: 'path must be an absolute folder path' })
  @Matches(/^\//, { message: 'path must be an absolute folder path' })
  @MaxLength(4096)
  path!: string;

  /** The declared directory's real path: no file outside it is read (symlinks included). */
  @IsString()
  @Matches(/^\//)
  root!: string;
}
