"""What session 26's Word sets showed (word26, an independent first run, and wsweep26, a
precision sweep): false findings on writers' own text, each a mechanism. Invented text."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_status_emoji_opening_the_items_of_a_flattened_list_are_marks(tmp_path):
    """word26 w07: a Markdown list pasted into one paragraph (核心功能： - ✅ 设备注册 - 设备ID校验 - ✅ …),
    and items labeled with a colon (✅ 安全性：… ✅ 可用性：…): 50 KJ704 findings on status marks."""
    plan = ["项目进度报告", "核心功能： - ✅ 设备注册与认证 - 设备ID唯一性校验 - 设备状态监控 - ✅ 设备证书管理 - 证书吊销与更新",
            "进行中模块： - 🟡 消息队列集成（70%） - 🟡 监控告警框架（60%） - ⭕ 入侵检测实现（20%）",
            "✅ 安全性：多层次安全架构，加密通信 ✅ 可用性：网页管理界面，实时告警 ✅ 可维护性：完整文档，标准化接口"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", plan), "KJ704") == []
    pasted = ["项目进度报告", "本月完成了设备管理模块的开发🎉，下月继续推进监控模块👍。"]
    assert len(docx_codes(make_docx(tmp_path / "月报.docx", pasted), "KJ704")) == 2
