// Texts of logging in, the second factor and the password change.
import { defineTexts } from '@/shared/i18n'

const zh = {
  login: {
    title: '登录',
    subtitle: '单位管理员、主管部门、平台运营人员请登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    required: '请填写此项',
    welcome: '欢迎，{name}',
  },
  totp: {
    enrollTitle: '启用动态口令（第二因素）',
    enrollHint: '您的角色须使用动态口令登录。请用身份验证器 App（如 Microsoft Authenticator、Google Authenticator 或 FreeOTP）添加下面的密钥，然后输入 App 显示的 6 位数字。',
    secret: '密钥',
    uri: '配置链接（otpauth）',
    start: '生成密钥',
    verifyTitle: '动态口令验证',
    verifyHint: '请输入身份验证器 App 显示的 6 位动态口令。',
    code: '6 位动态口令',
    activate: '启用并继续',
    verify: '验证',
    copied: '已复制',
    copy: '复制',
  },
  password: {
    title: '修改密码',
    mustChange: '首次登录须先修改密码。',
    current: '当前密码',
    next: '新密码',
    confirm: '确认新密码',
    mismatch: '两次输入的新密码不一致',
    rules: '至少 8 个字符，须包含大写字母、小写字母、数字、符号中的至少 3 类，不能包含用户名。',
    done: '密码已修改',
  },
}

// English: the type checker holds it to the same keys as the Chinese.
export const accountsTexts = defineTexts(zh, {
  login: {
    title: 'Log in',
    subtitle: 'For unit administrators, competent departments and platform operators',
    username: 'User name',
    password: 'Password',
    submit: 'Log in',
    required: 'Required',
    welcome: 'Welcome, {name}',
  },
  totp: {
    enrollTitle: 'Set up the second factor (TOTP)',
    enrollHint: 'Your role must log in with a one-time code. Add the key below to an authenticator app (Microsoft Authenticator, Google Authenticator, FreeOTP …), then enter the 6-digit code it shows.',
    secret: 'Key',
    uri: 'Setup link (otpauth)',
    start: 'Generate key',
    verifyTitle: 'Second factor',
    verifyHint: 'Enter the 6-digit code from your authenticator app.',
    code: '6-digit code',
    activate: 'Activate and continue',
    verify: 'Verify',
    copied: 'Copied',
    copy: 'Copy',
  },
  password: {
    title: 'Change password',
    mustChange: 'Please change your password before you continue.',
    current: 'Current password',
    next: 'New password',
    confirm: 'Repeat new password',
    mismatch: 'The new passwords differ',
    rules: 'At least 8 characters mixing 3 of: lower case, upper case, digits, symbols; not containing the user name.',
    done: 'Password changed',
  },
})
