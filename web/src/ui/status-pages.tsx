import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { tx, useI18n } from './i18n';

// What a person sees when a page cannot be shown: always in words, always with a way on.

function Title({ text }: { text: string }) {
  return (
    <h1 className="zd-status-title" tabIndex={-1}>
      {text}
    </h1>
  );
}

const HomeButton = () => {
  const { t } = useI18n();
  return (
    <Link to="/">
      <Button type="primary">{t(tx('回到工作台', 'Back to home'))}</Button>
    </Link>
  );
};

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={<Title text={t(tx('页面不存在', 'Page not found'))} />}
      subTitle={t(tx('这个地址没有页面，可能链接有误或页面已移走。', 'There is no page at this address; the link may be wrong or the page has moved.'))}
      extra={<HomeButton />}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={<Title text={t(tx('无权限', 'No permission'))} />}
      subTitle={t(tx('你的角色不能打开这个页面。需要时请联系系统管理员。', 'Your role cannot open this page. Ask your administrator if you need it.'))}
      extra={<HomeButton />}
    />
  );
}

/** The server could not be reached to ask who is signed in. */
export function OfflinePage({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={<Title text={t(tx('无法连接服务器', 'Cannot reach the server'))} />}
      subTitle={t(tx('请检查网络，或稍后再试。你的数据没有丢失。', 'Check the network or try again shortly. Nothing you saved is lost.'))}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t(tx('重试', 'Try again'))}
        </Button>
      }
    />
  );
}
