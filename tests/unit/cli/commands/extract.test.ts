import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../../src/cli/command.ts';
import { extractCommand } from '../../../../src/cli/commands/extract.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const PAGE = join(ROOT, 'tests/fixtures/real-pages/xinhua-1.html');

describe('extract command', () => {
  it('prints the record of a saved page', async () => {
    const out = (await extractCommand.run([PAGE, '--url', 'http://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm'])) as Record<string, unknown>;
    expect(out).toMatchObject({ url: 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm', site: 'xinhua', title: '法国全国大罢工再次严重影响交通', authors: ['唐霁'] });
    expect(out.paragraphs).toHaveLength(5);
  });

  it('exits 2 on a page that is not an article', async () => {
    await expect(extractCommand.run([PAGE, '--url', 'https://www.news.cn/'])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^not-article/) });
  });

  it('exits 1 on a missing file or missing --url', async () => {
    await expect(extractCommand.run(['/nonexistent/page.html', '--url', 'https://www.news.cn/'])).rejects.toBeInstanceOf(CliError);
    await expect(extractCommand.run(['/nonexistent/page.html', '--url', 'https://www.news.cn/'])).rejects.toMatchObject({ exitCode: 1 });
    await expect(extractCommand.run([PAGE])).rejects.toMatchObject({ exitCode: 1 });
  });
});
