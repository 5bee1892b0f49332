import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useLocale, useT } from '~/i18n/use-t'
import { useRootData } from '~/utils/root-data'
import { NotificationsLink } from './notifications-link'
import { HeaderSearch } from './header-search'

export function SiteHeader() {
  const t = useT()
  const locale = useLocale()
  const root = useRootData()
  const location = useLocation()
  const user = root?.user ?? null
  const here = location.pathname + location.search
  const other = locale === 'sv' ? 'en' : 'sv'
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <div className="container header-row">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.main')} className="main-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/test-beds">{t('catalogue.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/calls">{t('call.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/initiatives">{t('initiative.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/events">{t('event.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/references">{t('showcase.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/competitions">{t('competition.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/organisations">{t('nav.organisations')}</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/my/organisations">{t('nav.myOrganisations')}</NavLink>
                </li>
                <li>
                  <NotificationsLink unread={user.unread} />
                </li>
                <li>
                  <NavLink to="/account">{t('nav.account')}</NavLink>
                </li>
                {user.isPlatformAdmin ? (
                  <li>
                    <NavLink to="/admin/verifications">{t('nav.verifications')}</NavLink>
                  </li>
                ) : null}
                {user.isPlatformAdmin ? (
                  <li>
                    <NavLink to="/admin/competitions">{t('competition.adminNav')}</NavLink>
                  </li>
                ) : null}
              </>
            ) : (
              <>
                <li>
                  <NavLink to={`/login?${new URLSearchParams({ redirectTo: here })}`}>
                    {t('nav.login')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/signup">{t('nav.signup')}</NavLink>
                </li>
              </>
            )}
            {root?.devTools ? (
              <li>
                <NavLink to="/dev/outbox">{t('nav.outbox')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <HeaderSearch />
        <div className="header-actions">
          <Form method="post" action="/language" className="inline-form">
            <input type="hidden" name="locale" value={other} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" lang={other}>
              {t('lang.switchTo')}
            </button>
          </Form>
          {user ? (
            <Form method="post" action="/logout" className="inline-form">
              <button type="submit" className="link-button">
                {t('nav.logout')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </header>
  )
}

export function SiteFooter() {
  const t = useT()
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('footer.about')}</p>
        <nav aria-label={t('footer.nav')}>
          <ul>
            <li>
              <Link to="/accessibility">{t('footer.accessibility')}</Link>
            </li>
            <li>
              <Link to="/transparency">{t('transparency.footer')}</Link>
            </li>
            <li>
              <Link to="/analytics">{t('analytics.footer')}</Link>
            </li>
            <li>
              <Link to="/api/v1/docs">{t('apiDocs.footer')}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
