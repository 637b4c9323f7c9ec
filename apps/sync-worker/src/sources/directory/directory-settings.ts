import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IntSetting } from '../settings-rules';
import { DEFAULT_EXTENSIONS } from './file-type';

/** Largest file a folder source reads; bigger ones are skipped with a warning. */
export const MAX_FILE_BYTES_LIMIT = 16 * 1024 * 1024;
export const MAX_GLOBS = 64;

/** Settings of a `directory` source. */
export class DirectorySettings {
  /** The folder to watch: an absolute path. */
  @IsString({ message: 'path must be an absolute folder path' })
  @Matches(/^\//, { message: 'path must be an absolute folder path' })
  @MaxLength(4096)
  path!: string;

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
